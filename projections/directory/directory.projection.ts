import type { AgencyEvent, DelegationGranted, DelegationRevoked, StaffAccountEvent } from '@app/domain';
import { AGENCY_EVENT_TYPES, DELEGATION_EVENT_TYPES, STAFF_ACCOUNT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';

type DirectoryEvent = AgencyEvent | Exclude<StaffAccountEvent, DelegationGranted | DelegationRevoked>;

/**
 * The organisation directory: agencies, their units and staff accounts. It answers the directory
 * queries and tells the api who a token's user is (roles, agency, lock). Delegations have their own read model.
 */
export const directoryProjection: ProjectionDefinition = {
  name: 'directory',
  eventTypes: [...AGENCY_EVENT_TYPES, ...STAFF_ACCOUNT_EVENT_TYPES.filter((type) => !DELEGATION_EVENT_TYPES.includes(type))],
  schema: [
    `CREATE TABLE IF NOT EXISTS agencies (
       code text PRIMARY KEY, name text NOT NULL, abbreviation text NOT NULL, parent_code text,
       registered_at timestamptz NOT NULL, revision bigint NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS agencies_parent ON agencies (parent_code)`,
    `CREATE TABLE IF NOT EXISTS units (
       agency_code text NOT NULL, unit_id text NOT NULL, name text NOT NULL, abbreviation text NOT NULL,
       created_at timestamptz NOT NULL, PRIMARY KEY (agency_code, unit_id))`,
    `CREATE TABLE IF NOT EXISTS staff (
       username text PRIMARY KEY, full_name text NOT NULL, position text NOT NULL, agency_code text NOT NULL,
       unit_id text, roles text[] NOT NULL, locked boolean NOT NULL DEFAULT false, lock_reason text,
       created_at timestamptz NOT NULL, revision bigint NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS staff_agency ON staff (agency_code, username)`,
  ],
  async handle(recorded: RecordedEvent, tx: ProjectionTx): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as DirectoryEvent;
    const revision = recorded.revision.toString();
    switch (event.type) {
      case 'AgencyRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO agencies (code, name, abbreviation, parent_code, registered_at, revision)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
          [d.code, d.name, d.abbreviation, d.parentCode, d.registeredAt, revision],
        );
        return;
      }
      case 'UnitCreated': {
        const d = event.data;
        await tx.query(
          `INSERT INTO units (agency_code, unit_id, name, abbreviation, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [d.agencyCode, d.unitId, d.name, d.abbreviation, d.createdAt],
        );
        return;
      }
      case 'StaffAccountCreated': {
        const d = event.data;
        await tx.query(
          `INSERT INTO staff (username, full_name, position, agency_code, unit_id, roles, created_at, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING`,
          [d.username, d.fullName, d.position, d.agencyCode, d.unitId, d.roles, d.createdAt, revision],
        );
        return;
      }
      case 'StaffRolesChanged':
        await updateStaff(tx, event.data.username, revision, 'roles = $3', [event.data.roles]);
        return;
      case 'StaffAccountLocked':
        await updateStaff(tx, event.data.username, revision, 'locked = true, lock_reason = $3', [event.data.reason]);
        return;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};

/** Applies a change once: a row that already reflects this revision is left alone. */
async function updateStaff(tx: ProjectionTx, username: string, revision: string, set: string, params: unknown[]): Promise<void> {
  await tx.query(`UPDATE staff SET ${set}, revision = $2 WHERE username = $1 AND revision < $2`, [username, revision, ...params]);
}
