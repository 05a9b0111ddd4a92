import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Role } from '@app/domain';
import type { Principal, PrincipalDirectory } from '../auth/principal';
import { PG_POOL } from '../runtime/tokens';
import { DirectoryCache } from './directory-cache';
import type { Agency, StaffMember, Unit } from './organisation.types';

interface StaffRow {
  username: string; full_name: string; position: string; agency_code: string; unit_id: string | null; roles: Role[]; locked: boolean;
}
interface AgencyRow { code: string; name: string; abbreviation: string; parent_code: string | null }
interface UnitRow { agency_code: string; unit_id: string; name: string; abbreviation: string }

/**
 * Reads of the directory read model (projections/directory). The lookups of one account, unit or agency,
 * which every request and most commands make, are kept in the DirectoryCache; their answers are frozen.
 */
@Injectable()
export class DirectoryQueries implements PrincipalDirectory {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cache: DirectoryCache,
  ) {}

  findByUsername(username: string): Promise<Principal | null> {
    return this.staffMember(username);
  }

  staffMember(username: string): Promise<(StaffMember & Principal) | null> {
    return this.cache.get(`staff:${username}`, async () => {
      const { rows } = await this.pool.query<StaffRow>('SELECT * FROM rm_directory.staff WHERE username = $1', [username]);
      return rows[0] ? toStaff(rows[0]) : null;
    });
  }

  async staffOf(agencyCode: string): Promise<StaffMember[]> {
    const { rows } = await this.pool.query<StaffRow>('SELECT * FROM rm_directory.staff WHERE agency_code = $1 ORDER BY username', [agencyCode]);
    return rows.map(toStaff);
  }

  /** Every agency, or the one with `code` (kept) or none; each with its units. */
  agencies(code?: string): Promise<Agency[]> {
    return code === undefined ? this.readAgencies(null) : this.cache.get(`agency:${code}`, () => this.readAgencies(code));
  }

  /** The codes among `codes` that are agencies of this system. */
  agencyCodesIn(codes: readonly string[]): Promise<string[]> {
    return this.cache.get(`agencies-in:${[...codes].sort().join(',')}`, async () => {
      const { rows } = await this.pool.query<{ code: string }>('SELECT code FROM rm_directory.agencies WHERE code = ANY($1::text[])', [codes]);
      return rows.map((row) => row.code);
    });
  }

  unit(agencyCode: string, unitId: string): Promise<Unit | null> {
    return this.cache.get(`unit:${agencyCode}:${unitId}`, async () => {
      const { rows } = await this.pool.query<UnitRow>(
        'SELECT * FROM rm_directory.units WHERE agency_code = $1 AND unit_id = $2', [agencyCode, unitId],
      );
      return rows[0] ? { id: rows[0].unit_id, agencyCode: rows[0].agency_code, name: rows[0].name, abbreviation: rows[0].abbreviation } : null;
    });
  }

  private async readAgencies(code: string | null): Promise<Agency[]> {
    const agencies = await this.pool.query<AgencyRow>(
      `SELECT code, name, abbreviation, parent_code FROM rm_directory.agencies WHERE $1::text IS NULL OR code = $1 ORDER BY code`,
      [code],
    );
    const units = await this.pool.query<UnitRow>(
      `SELECT agency_code, unit_id, name, abbreviation FROM rm_directory.units WHERE $1::text IS NULL OR agency_code = $1 ORDER BY name`,
      [code],
    );
    const byAgency = new Map<string, Unit[]>();
    for (const u of units.rows) {
      const list = byAgency.get(u.agency_code) ?? [];
      list.push({ id: u.unit_id, agencyCode: u.agency_code, name: u.name, abbreviation: u.abbreviation });
      byAgency.set(u.agency_code, list);
    }
    return agencies.rows.map((a) => ({
      code: a.code, name: a.name, abbreviation: a.abbreviation, parentCode: a.parent_code, units: byAgency.get(a.code) ?? [],
    }));
  }
}

function toStaff(row: StaffRow): StaffMember & Principal {
  return {
    username: row.username, fullName: row.full_name, position: row.position, agencyCode: row.agency_code,
    unitId: row.unit_id, roles: row.roles as StaffMember['roles'], locked: row.locked,
  };
}
