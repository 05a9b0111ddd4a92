import type { DomainEvent, Role } from '../shared/decider';

/**
 * Events of the staff account stream `staff-<username>` (streams.ts `staffStream`).
 * Roles are always stored de-duplicated, in the canonical order of `ROLES`.
 */

export type StaffAccountCreated = DomainEvent<
  'StaffAccountCreated',
  {
    username: string;
    fullName: string;
    /** Chức vụ, e.g. "Chuyên viên", "Phó Chánh Văn phòng". */
    position: string;
    agencyCode: string;
    unitId: string | null;
    roles: readonly Role[];
    createdAt: string;
  }
>;

export type StaffRolesChanged = DomainEvent<
  'StaffRolesChanged',
  {
    username: string;
    agencyCode: string;
    previousRoles: readonly Role[];
    roles: readonly Role[];
    changedAt: string;
  }
>;

/** The account is locked (transfer, leave …): it keeps its history and can no longer be changed. */
export type StaffAccountLocked = DomainEvent<
  'StaffAccountLocked',
  {
    username: string;
    agencyCode: string;
    reason: string;
    lockedAt: string;
  }
>;

export type StaffAccountEvent = StaffAccountCreated | StaffRolesChanged | StaffAccountLocked;
export type StaffAccountEventType = StaffAccountEvent['type'];
export const STAFF_ACCOUNT_EVENT_TYPES: readonly StaffAccountEventType[] = [
  'StaffAccountCreated',
  'StaffRolesChanged',
  'StaffAccountLocked',
];
