import { Global, Module } from '@nestjs/common';
import { CommandHandler } from '@app/command-handling';
import { EventStore, Upcasters } from '@app/event-store';
import { EVENT_STORE } from '../runtime/tokens';
import { CommandGateway } from './command-gateway';
import { DecideCommandHandler } from './decide.command';

/** The write side: the generic command handler behind @nestjs/cqrs's CommandBus. */
@Global()
@Module({
  providers: [
    { provide: Upcasters, useFactory: () => new Upcasters() },
    { provide: CommandHandler, useFactory: (store: EventStore, upcasters: Upcasters) => new CommandHandler(store, upcasters), inject: [EVENT_STORE, Upcasters] },
    DecideCommandHandler,
    CommandGateway,
  ],
  exports: [CommandHandler, CommandGateway, Upcasters],
})
export class CommandsModule {}
