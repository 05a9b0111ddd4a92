import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DelegatedAction as DomainDelegatedAction } from '@app/domain';
import type { DelegatedAction } from '../common/enums';
import { PG_POOL } from '../runtime/tokens';
import type { Delegation } from './delegation.types';

interface DelegationRow {
  delegation_id: string; agency_code: string; delegator: string; delegator_full_name: string; delegate: string; delegate_full_name: string;
  actions: DelegatedAction[]; valid_from: Date; valid_to: Date; basis: string; granted_at: Date; revoked_at: Date | null;
  revoke_reason: string | null; active: boolean;
}

/** In force at the instant `at` (a parameter): not revoked, within [valid_from, valid_to), the delegator's account not locked. */
const inForceAt = (at: string) => `d.revoked_at IS NULL AND d.valid_from <= ${at} AND d.valid_to > ${at} AND NOT s.locked`;

/** Reads of the delegations read model (projections/delegations); `active` also needs the delegator's account unlocked (directory). */
@Injectable()
export class DelegationQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The agency's delegations, newest grant first; `activeOnly`: those in force at `now`. */
  async ofAgency(agencyCode: string, activeOnly: boolean, now: Date): Promise<Delegation[]> {
    const { rows } = await this.pool.query<DelegationRow>(
      `SELECT d.*, (${inForceAt('$2')}) AS active FROM rm_delegations.delegations d JOIN rm_directory.staff s ON s.username = d.delegator
       WHERE d.agency_code = $1 AND (NOT $3 OR (${inForceAt('$2')})) ORDER BY d.granted_at DESC, d.delegation_id`,
      [agencyCode, now, activeOnly],
    );
    return rows.map(toDelegation);
  }

  /** Who delegated `action` to `delegate` with a delegation in force at `at`, as far as the read model knows. */
  async delegatorsOf(delegate: string, action: DomainDelegatedAction, at: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ delegator: string }>(
      `SELECT DISTINCT d.delegator FROM rm_delegations.delegations d JOIN rm_directory.staff s ON s.username = d.delegator
       WHERE d.delegate = $1 AND $2 = ANY (d.actions) AND ${inForceAt('$3')} ORDER BY d.delegator`,
      [delegate, action, at],
    );
    return rows.map((row) => row.delegator);
  }

  /** The delegator of a delegation, to find its stream; null when there is no such delegation. */
  async delegatorOf(delegationId: string): Promise<{ delegator: string; agencyCode: string } | null> {
    const { rows } = await this.pool.query<{ delegator: string; agency_code: string }>(
      'SELECT delegator, agency_code FROM rm_delegations.delegations WHERE delegation_id = $1',
      [delegationId],
    );
    return rows[0] ? { delegator: rows[0].delegator, agencyCode: rows[0].agency_code } : null;
  }
}

function toDelegation(row: DelegationRow): Delegation {
  return {
    id: row.delegation_id,
    agencyCode: row.agency_code,
    delegator: { username: row.delegator, fullName: row.delegator_full_name },
    delegate: { username: row.delegate, fullName: row.delegate_full_name },
    actions: row.actions,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    basis: row.basis,
    grantedAt: row.granted_at,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    active: row.active,
  };
}
