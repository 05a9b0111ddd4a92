import type { Command, Role } from '../shared/decider';
import type { PersonRef } from '../shared/people';
import type { DelegatedAction } from './delegation';

/**
 * ADMIN of `agencyCode`. Whether the agency and the unit exist is checked by the application layer
 * before deciding (they live in other streams); the decider validates the account's own data.
 */
export type CreateStaffAccount = Command<
  'CreateStaffAccount',
  {
    /** `^[a-z0-9._-]{3,64}$`, e.g. `skhcn_nguyenvana`. */
    username: string;
    fullName: string;
    position: string;
    agencyCode: string;
    unitId: string | null;
    /** A non-empty set of roles. */
    roles: readonly Role[];
  }
>;

/** ADMIN of the account's agency. */
export type ChangeStaffRoles = Command<'ChangeStaffRoles', { username: string; roles: readonly Role[] }>;

/** ADMIN of the account's agency; a locked account cannot be changed any further. */
export type LockStaffAccount = Command<'LockStaffAccount', { username: string; reason: string }>;

/**
 * The account holder themself (their own authority only: nobody delegates someone else's, so a delegate cannot
 * pass it on), a LEADER or UNIT_HEAD. The application checks that the delegate is an active staff member of the
 * same agency.
 */
export type GrantDelegation = Command<
  'GrantDelegation',
  {
    username: string;
    delegationId: string;
    delegate: PersonRef;
    actions: readonly DelegatedAction[];
    validFrom: string;
    validTo: string;
    basis: string;
  }
>;

/** The delegator, or an ADMIN of the agency. */
export type RevokeDelegation = Command<'RevokeDelegation', { username: string; delegationId: string; reason: string }>;

export type StaffAccountCommand = CreateStaffAccount | ChangeStaffRoles | LockStaffAccount | GrantDelegation | RevokeDelegation;
