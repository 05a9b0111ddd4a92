import { Inject, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { AgencyDeadlines, CalendarProvider } from '@app/agency-calendars';
import { CommandHandler } from '@app/command-handling';
import type { Environment } from '@app/config';
import { EventStore, Upcasters } from '@app/event-store';
import { ProcessManagerRunner, READ_MODELS_WAIT_MS, systemManagers } from '@app/process-managers';
import { jsonLoggerAt } from '@app/projection-runner';
import { openReceipts } from '@app/projections';
import { CONSISTENCY_GATE, type ConsistencyGate } from '../common/consistency';
import { ENVIRONMENT, EVENT_STORE, PG_POOL } from '../runtime/tokens';

/** Whether the api runs the process managers: when it runs the projections (else the projector runs them). */
const RUN_PROCESS_MANAGERS = Symbol('RUN_PROCESS_MANAGERS');

/**
 * The process managers (libs/process-managers: liên thông, and the receipt deadline recompute after a calendar
 * change) on the api's event store and database, when the api runs the projections (else the projector runs them).
 * They need the agencies' working calendars, which the calendar module keeps (from the calendars read model), hence
 * a Nest module rather than start-platform.ts: the runner starts at bootstrap once the calendars are loaded, and
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
  useFactory: (
    env: Environment,
    pool: Pool,
    store: EventStore,
    handler: CommandHandler,
    upcasters: Upcasters,
    deadlines: AgencyDeadlines,
    readModels: ConsistencyGate,
  ) =>
    new ProcessManagerRunner({
      pool,
      store,
      handler,
      upcasters,
      managers: systemManagers({
        store,
        waitForReadModels: (position) => readModels.waitFor(position, READ_MODELS_WAIT_MS),
        openReceipts: (agencyCode) => openReceipts(pool, agencyCode),
        deadlines,
      }),
      logger: jsonLoggerAt(env.LOG_LEVEL, { component: 'process-managers' }),
    }),
  inject: [ENVIRONMENT, PG_POOL, EVENT_STORE, CommandHandler, Upcasters, AgencyDeadlines, CONSISTENCY_GATE],
};

/** The platform's connections, the command handler and the calendars are in the api's modules already. */
@Module({
  providers: [
    runner,
    ProcessManagersLifecycle,
    { provide: RUN_PROCESS_MANAGERS, useFactory: (env: Environment) => env.RUN_PROJECTIONS && !env.PROJECTOR_THREAD, inject: [ENVIRONMENT] },
  ],
  exports: [ProcessManagerRunner],
})
export class ProcessManagersModule {}
