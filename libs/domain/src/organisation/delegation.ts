import type { Role } from '../shared/decider';
import type { PersonRef } from '../shared/people';
import { instantMillis } from '../shared/time';

/**
 * What a leader may delegate (ủy quyền; Khánh Hòa S0 Điều 15.4, domain.md A6): assigning incoming documents,
 * approving a draft for release and signing it.
 */
export type DelegatedAction = 'ASSIGN' | 'APPROVE_RELEASE' | 'SIGN';
export const DELEGATED_ACTIONS: readonly DelegatedAction[] = ['ASSIGN', 'APPROVE_RELEASE', 'SIGN'];

/**
 * A written, time-limited and content-limited delegation (Decree 30 Điều 13: TUQ. must be in writing, for a
 * period and a content, with no re-delegation), held on the delegator's staff account stream.
 */
export interface Delegation {
  readonly delegationId: string;
  readonly delegate: PersonRef;
  readonly actions: readonly DelegatedAction[];
  /** `[validFrom, validTo)`, ISO 8601 with offset. */
  readonly validFrom: string;
  readonly validTo: string;
  /** The written authorisation, e.g. "Giấy ủy quyền số 12/GUQ-UBND ngày 01/12/2026". */
  readonly basis: string;
  readonly revokedAt: string | null;
}

/** Whether the delegation lets its delegate do `action` at `at` (not revoked, within its period). */
export function delegationCovers(delegation: Delegation, action: DelegatedAction, at: string): boolean {
  const t = instantMillis(at);
  return (
    delegation.revokedAt === null &&
    delegation.actions.includes(action) &&
    instantMillis(delegation.validFrom) <= t &&
    t < instantMillis(delegation.validTo)
  );
}

/** The principal a delegate acts for, with the roles whose authority the delegate borrows. */
export interface Delegator extends PersonRef {
  readonly roles: readonly Role[];
}
