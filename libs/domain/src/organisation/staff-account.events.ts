import type { DomainEvent, Role } from '../shared/decider';
import type { PersonRef } from '../shared/people';
import type { DelegatedAction } from './delegation';

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

/** The account holder delegates some of their own authority (delegation.ts) to another staff member. */
export type DelegationGranted = DomainEvent<
  'DelegationGranted',
  {
    delegationId: string;
    /** The delegator: this stream's account. */
    username: string;
    fullName: string;
    agencyCode: string;
    delegate: PersonRef;
    actions: readonly DelegatedAction[];
    validFrom: string;
    validTo: string;
    basis: string;
    grantedAt: string;
  }
>;

export type DelegationRevoked = DomainEvent<
  'DelegationRevoked',
  {
    delegationId: string;
    username: string;
    agencyCode: string;
    reason: string;
    revokedAt: string;
  }
>;

export type StaffAccountEvent = StaffAccountCreated | StaffRolesChanged | StaffAccountLocked | DelegationGranted | DelegationRevoked;
export type StaffAccountEventType = StaffAccountEvent['type'];
export const STAFF_ACCOUNT_EVENT_TYPES: readonly StaffAccountEventType[] = [
  'StaffAccountCreated',
  'StaffRolesChanged',
  'StaffAccountLocked',
  'DelegationGranted',
  'DelegationRevoked',
];
export const DELEGATION_EVENT_TYPES: readonly StaffAccountEventType[] = ['DelegationGranted', 'DelegationRevoked'];
