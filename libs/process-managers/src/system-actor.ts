import type { Actor } from '@app/domain';

/** The username under which process managers act; no staff account has it, so no token can act as it. */
export const SYSTEM_USERNAME = 'system';

/**
 * The actor of a command a process manager sends on behalf of an agency: the system, with the CLERK role
 * of that agency (receipt of liên thông documents and delivery tracking are the clerk's work, Decree 30
 * Điều 21 and Điều 18). Events record it like anyone else, so audits show what the system did.
 */
export function systemClerk(agencyCode: string): Actor {
  return { username: SYSTEM_USERNAME, fullName: 'Hệ thống liên thông', agencyCode, unitId: null, roles: ['CLERK'] };
}
