import { randomUUID } from 'node:crypto';
import { CommandHandler } from '@app/command-handling';
import type { Environment } from '@app/config';
import { agencyDecider, agencyStream, staffAccountDecider, staffStream } from '@app/domain';
import { Upcasters } from '@app/event-store';
import { toVietnamIso } from '@app/working-time';
import { UsageError } from './token.command';
import { withEventStore } from './with-event-store';

const USAGE = 'usage: npm run cli -- create-admin <agencyCode> <username> <full name…>';

/**
 * The first ADMIN of an agency. Staff accounts are created by an ADMIN of the same agency, so a new
 * agency's first one comes from the operator at the console; the events record the actor
 * `operator` (with the ADMIN role of that agency), and go through the same decider as the API.
 */
export async function createAdminCommand(env: Environment, args: readonly string[]): Promise<string> {
  const [agencyCode, username, ...name] = args;
  if (!agencyCode || !username || name.length === 0) throw new UsageError(USAGE);
  return withEventStore(env, async (store) => {
    const handler = new CommandHandler(store, new Upcasters());
    const { state } = await handler.state(agencyStream(agencyCode), agencyDecider);
    if (state.status === 'UNREGISTERED') throw new UsageError(`No agency ${agencyCode}: register it first (registerAgency)`);
    const actor = { username: 'operator', fullName: 'Quản trị vận hành', agencyCode, unitId: null, roles: ['ADMIN'] as const };
    const result = await handler.handle({
      streamId: staffStream(username),
      decider: staffAccountDecider,
      envelope: { commandId: randomUUID() },
      command: {
        type: 'CreateStaffAccount',
        data: { username, fullName: name.join(' '), position: 'Quản trị hệ thống', agencyCode, unitId: null, roles: ['ADMIN'] },
        context: { actor: { ...actor, roles: [...actor.roles] }, now: toVietnamIso(new Date()) },
      },
    });
    return `Created ADMIN ${username} of ${agencyCode} at position ${result.position}`;
  });
}
