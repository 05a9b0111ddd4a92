import type { Actor, Role } from './decider';
import { DomainError } from './domain-error';
import type { PersonRef } from './people';

/** Every role, in canonical order (api-contract.md `Role`, plus AUDITOR). */
export const ROLES: readonly Role[] = ['ADMIN', 'CLERK', 'LEADER', 'UNIT_HEAD', 'OFFICER', 'ARCHIVIST', 'AUDITOR'];

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/** Refuses with FORBIDDEN_FOR_ROLE `{ reason: 'MISSING_ROLE', requiredRoles, command }` unless the actor holds one of `roles`. */
export function requireAnyRole(actor: Actor, roles: readonly Role[], command: string): void {
  if (!hasAnyRole(actor, roles)) {
    throw new DomainError('FORBIDDEN_FOR_ROLE', `${command} requires one of the roles ${roles.join(', ')}`, {
      reason: 'MISSING_ROLE',
      requiredRoles: roles,
      command,
    });
  }
}

/** Refuses with FORBIDDEN_FOR_ROLE `{ reason: 'OTHER_AGENCY' }` unless the actor belongs to `agencyCode`. */
export function requireSameAgency(actor: Actor, agencyCode: string, command: string): void {
  if (actor.agencyCode !== agencyCode) {
    throw new DomainError('FORBIDDEN_FOR_ROLE', `${command} is not allowed on another agency's data`, {
      reason: 'OTHER_AGENCY',
      agencyCode,
      actorAgencyCode: actor.agencyCode,
      command,
    });
  }
}

/** The actor as events record it. */
export function personOf(actor: Actor): PersonRef {
  return { username: actor.username, fullName: actor.fullName.normalize('NFC').trim() };
}
