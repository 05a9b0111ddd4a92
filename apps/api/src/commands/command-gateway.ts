import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Actor, Command, CommandContext, Decider, DomainEvent } from '@app/domain';
import type { ActorMetadata, CommandResult as HandledCommand } from '@app/command-handling';
import { toVietnamIso } from '@app/working-time';
import type { CommandResult } from '../common/command-result.type';
import { DecideCommand } from './decide.command';

export interface Decision<C extends Command, E extends DomainEvent, S> {
  readonly id: string;
  readonly streamId: string;
  readonly decider: Decider<C, E, S>;
  readonly command: C;
  readonly commandId?: string;
  readonly foldsFromLastEventOnly?: boolean;
  /** The principal a delegate acts for (ủy quyền), recorded in the event metadata. */
  readonly onBehalfOf?: ActorMetadata | null;
}

/** What resolvers use to run commands: the context they carry, and the result shape of the API. */
@Injectable()
export class CommandGateway {
  constructor(private readonly bus: CommandBus) {}

  /** The time and actor a command carries (no clock inside the domain). */
  context(actor: Actor, now: Date = new Date()): CommandContext {
    return { actor, now: toVietnamIso(now) };
  }

  async decide<C extends Command, E extends DomainEvent, S>(decision: Decision<C, E, S>): Promise<CommandResult> {
    const result = await this.bus.execute<DecideCommand, HandledCommand>(
      new DecideCommand({
        streamId: decision.streamId,
        decider: decision.decider as unknown as Decider<Command, DomainEvent, unknown>,
        command: decision.command,
        envelope: { commandId: decision.commandId ?? randomUUID(), onBehalfOf: decision.onBehalfOf ?? null },
        foldsFromLastEventOnly: decision.foldsFromLastEventOnly,
      }),
    );
    return toCommandResult(decision.id, result);
  }

  /** Runs a use-case command (several streams) through the bus. */
  execute<T>(command: object): Promise<T> {
    return this.bus.execute(command as never) as Promise<T>;
  }
}

export function toCommandResult(id: string, result: HandledCommand): CommandResult {
  return { id, revision: Number(result.revision), position: result.position ?? '' };
}
