import type { Command, Decider, DomainEvent } from '@app/domain';
import type { CommandEnvelope, CommandHandler } from '@app/command-handling';
import type { RecordedEvent } from '@app/event-store';

/**
 * One command a process manager sends in reaction to an event. Its id is derived from the triggering event
 * (`<manager>:<eventId>:<key>`), so handling the event again after a crash appends nothing new.
 */
export interface ManagedCommand {
  /** Names the command among those one event causes, e.g. `deliver:000.00.00.H41`. */
  readonly key: string;
  readonly streamId: string;
  readonly type: string;
  send(handler: CommandHandler, envelope: CommandEnvelope): Promise<unknown>;
}

/** A command on one stream, decided by `decider` (the generic types stop here, so a reaction may mix aggregates). */
export function managedCommand<C extends Command, E extends DomainEvent, S>(
  key: string,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
): ManagedCommand {
  return {
    key,
    streamId,
    type: command.type,
    send: (handler, envelope) => handler.handle({ streamId, decider, command, envelope }),
  };
}

/** What an event asks for: commands sent in order, all sharing the business transaction's correlation id. */
export interface Reaction {
  readonly correlationId: string;
  readonly commands: readonly ManagedCommand[];
}

/**
 * A process manager (architecture.md §3): event in, commands out, with its own checkpoint. `react` decides the
 * commands from the event and `now`, and may read the read models (the receipt deadline recompute lists the open
 * documents); a retry may then send other commands, each still idempotent by its id.
 */
export interface ProcessManager {
  /** snake_case; names its checkpoint and its advisory lock. */
  readonly name: string;
  /** The event types it reacts to; its subscription to `$all` is filtered to these. */
  readonly eventTypes: readonly string[];
  /** `now`: ISO 8601 with +07:00; the commands' time. Null when the event asks for nothing. */
  react(event: RecordedEvent, now: string): Reaction | null | Promise<Reaction | null>;
}
