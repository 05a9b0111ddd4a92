import type { DelegationGranted, DelegationRevoked } from '@app/domain';
import { DELEGATION_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';

type DelegationEvent = DelegationGranted | DelegationRevoked;

/**
 * The delegations (ủy quyền) of each agency, revoked ones included: the `delegations` query, and who may have
 * delegated to a staff member. Whether a delegate may act is decided on the delegator's stream, not here.
 */
export const delegationsProjection: ProjectionDefinition = {
  name: 'delegations',
  eventTypes: DELEGATION_EVENT_TYPES,
  schema: [
    `CREATE TABLE IF NOT EXISTS delegations (
       delegation_id text PRIMARY KEY, agency_code text NOT NULL, delegator text NOT NULL, delegator_full_name text NOT NULL,
       delegate text NOT NULL, delegate_full_name text NOT NULL, actions text[] NOT NULL,
       valid_from timestamptz NOT NULL, valid_to timestamptz NOT NULL, basis text NOT NULL, granted_at timestamptz NOT NULL,
       revoked_at timestamptz, revoke_reason text)`,
    `CREATE INDEX IF NOT EXISTS delegations_agency ON delegations (agency_code, granted_at DESC)`,
    `CREATE INDEX IF NOT EXISTS delegations_delegate ON delegations (delegate)`,
  ],
  async handle(recorded: RecordedEvent, tx: ProjectionTx): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as DelegationEvent;
    switch (event.type) {
      case 'DelegationGranted': {
        const d = event.data;
        await tx.query(
          `INSERT INTO delegations (delegation_id, agency_code, delegator, delegator_full_name, delegate, delegate_full_name, actions,
             valid_from, valid_to, basis, granted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (delegation_id) DO NOTHING`,
          [d.delegationId, d.agencyCode, d.username, d.fullName, d.delegate.username, d.delegate.fullName, d.actions, d.validFrom, d.validTo, d.basis, d.grantedAt],
        );
        return;
      }
      case 'DelegationRevoked':
        await tx.query(`UPDATE delegations SET revoked_at = $2, revoke_reason = $3 WHERE delegation_id = $1 AND revoked_at IS NULL`, [
          event.data.delegationId,
          event.data.revokedAt,
          event.data.reason,
        ]);
        return;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
