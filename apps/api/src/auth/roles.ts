import type { Role } from '@app/domain';
import { forbidden } from '../common/api-error';
import type { Principal } from './principal';

/** Staff see and act on their own agency's documents only, whatever their role. */
export function assertCanReadAgency(actor: Principal, agencyCode: string): void {
  if (actor.agencyCode !== agencyCode) {
    throw forbidden(`You may only read documents of your own agency (${actor.agencyCode})`);
  }
}

export function assertHasRole(actor: Principal, roles: readonly Role[], what: string): void {
  if (!roles.some((r) => actor.roles.includes(r))) throw forbidden(`${what} needs one of the roles ${roles.join(', ')}`);
}
