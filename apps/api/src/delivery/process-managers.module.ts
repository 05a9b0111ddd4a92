import { Inject, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { AgencyDeadlines, CalendarProvider } from '@app/agency-calendars';
import { CommandHandler } from '@app/command-handling';
import type { Environment } from '@app/config';
import { EventStore, Upcasters } from '@app/event-store';
import { interconnectManagers, ProcessManagerRunner } from '@app/process-managers';
import { jsonLoggerAt } from '@app/projection-runner';
import { ENVIRONMENT, EVENT_STORE, PG_POOL } from '../runtime/tokens';

/** Whether the api runs the process managers: when it runs the projections (else the projector runs them). */
const RUN_PROCESS_MANAGERS = Symbol('RUN_PROCESS_MANAGERS');

/**
 * The liên thông process managers (libs/process-managers) on the api's event store and database. They need the
 * recipient agencies' working calendars, which the calendar module keeps (from the calendars read model), hence a
 * Nest module rather than start-platform.ts: the runner starts at bootstrap once the calendars are loaded, and
 * stops, letting the event in progress finish, before the connections close.
 */
@Injectable()
class ProcessManagersLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly runner: ProcessManagerRunner,
    private readonly calendars: CalendarProvider,
    @Inject(RUN_PROCESS_MANAGERS) private readonly run: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.run) return;
    await this.calendars.refresh();
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}

const runner: Provider = {
  provide: ProcessManagerRunner,
  useFactory: (env: Environment, pool: Pool, store: EventStore, handler: CommandHandler, upcasters: Upcasters, deadlines: AgencyDeadlines) =>
    new ProcessManagerRunner({
      pool,
      store,
      handler,
      upcasters,
      managers: interconnectManagers(deadlines),
      logger: jsonLoggerAt(env.LOG_LEVEL, { component: 'process-managers' }),
    }),
  inject: [ENVIRONMENT, PG_POOL, EVENT_STORE, CommandHandler, Upcasters, AgencyDeadlines],
};

/** The platform's connections, the command handler and the calendars are in the api's modules already. */
@Module({
  providers: [
    runner,
    ProcessManagersLifecycle,
    { provide: RUN_PROCESS_MANAGERS, useFactory: (env: Environment) => env.RUN_PROJECTIONS, inject: [ENVIRONMENT] },
  ],
  exports: [ProcessManagerRunner],
})
export class ProcessManagersModule {}
