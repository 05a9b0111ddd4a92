import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy, Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { CommandHandler } from '@app/command-handling';
import type { Environment } from '@app/config';
import { EventStore, Upcasters } from '@app/event-store';
import { createEventStore } from '@app/platform';
import { interconnectManagers, ProcessManagerRunner } from '@app/process-managers';
import { AgencyDeadlines } from '../calendar/agency-deadlines';
import { CalendarProvider } from '../calendar/calendar.provider';
import { DEADLINE_SETTINGS, DEFAULT_DEADLINE_SETTINGS } from '../calendar/deadline-settings';
import { runnerLogger } from '../runtime/start-platform';
import { ENVIRONMENT, EVENT_STORE, PG_POOL } from '../runtime/tokens';

/** Whether this process runs the process managers: the api when it runs the projections, the projector always. */
const RUN_PROCESS_MANAGERS = Symbol('RUN_PROCESS_MANAGERS');

/**
 * The liên thông process managers (libs/process-managers) on this process's event store and database. They need the
 * recipient agencies' working calendars, which the calendar module's provider keeps (from the calendars read model),
 * hence a Nest module rather than start-platform.ts: the runner starts at bootstrap once the calendars are loaded,
 * and stops, letting the event in progress finish, before the connections close.
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
      logger: runnerLogger(env, 'process-managers'),
    }),
  inject: [ENVIRONMENT, PG_POOL, EVENT_STORE, CommandHandler, Upcasters, AgencyDeadlines],
};

/** Closes the standalone module's connections after the runner has stopped (OnModuleDestroy comes before OnApplicationShutdown). */
@Injectable()
class StandaloneConnections implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.pool.end();
  }
}

/** In the api (AppModule): the platform's connections, the command handler and the calendars are there already. */
@Module({
  providers: [
    runner,
    ProcessManagersLifecycle,
    { provide: RUN_PROCESS_MANAGERS, useFactory: (env: Environment) => env.RUN_PROJECTIONS, inject: [ENVIRONMENT] },
  ],
  exports: [ProcessManagerRunner],
})
export class ProcessManagersModule {}

/**
 * In a process of their own (the projector): its own pool and event store on `databaseUrl`, a command handler, and
 * the agencies' calendars (read from the calendars read model, which must exist: start it after the projections).
 */
@Module({})
export class StandaloneProcessManagersModule {
  static register(env: Environment, databaseUrl: string): DynamicModule {
    return {
      module: StandaloneProcessManagersModule,
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        { provide: PG_POOL, useFactory: () => new Pool({ connectionString: databaseUrl, max: 5 }) },
        { provide: EVENT_STORE, useFactory: (pool: Pool) => createEventStore(env, pool), inject: [PG_POOL] },
        { provide: Upcasters, useFactory: () => new Upcasters() },
        { provide: CommandHandler, useFactory: (store: EventStore, upcasters: Upcasters) => new CommandHandler(store, upcasters), inject: [EVENT_STORE, Upcasters] },
        { provide: DEADLINE_SETTINGS, useValue: DEFAULT_DEADLINE_SETTINGS },
        CalendarProvider,
        AgencyDeadlines,
        runner,
        ProcessManagersLifecycle,
        { provide: RUN_PROCESS_MANAGERS, useValue: true },
        StandaloneConnections,
      ],
    };
  }
}
