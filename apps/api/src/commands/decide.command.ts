import { CommandHandler as NestCommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Command, DomainEvent } from '@app/domain';
import { CommandHandler, CommandResult, HandleOptions } from '@app/command-handling';

/** One decision on one stream: the common case of a mutation (read, fold, decide, append). */
export class DecideCommand {
  constructor(readonly options: HandleOptions<Command, DomainEvent, unknown>) {}
}

@NestCommandHandler(DecideCommand)
export class DecideCommandHandler implements ICommandHandler<DecideCommand, CommandResult> {
  constructor(private readonly handler: CommandHandler) {}

  execute({ options }: DecideCommand): Promise<CommandResult> {
    return this.handler.handle(options);
  }
}
