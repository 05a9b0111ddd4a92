import type { Command, Role } from '../shared/decider';

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

export type StaffAccountCommand = CreateStaffAccount | ChangeStaffRoles | LockStaffAccount;
