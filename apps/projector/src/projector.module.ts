import { DynamicModule, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { createEventStore } from '@app/platform';
import { ProjectionDefinition, ProjectionLogger, ProjectionRunner } from '@app/projection-runner';
import type { ProjectorConfig } from './projector-config';

export interface ProjectorModuleOptions {
  readonly config: ProjectorConfig;
  readonly projections: readonly ProjectionDefinition[];
  /** Objects over several read models (reporting views), re-applied at every rebuild switch-over. */
  readonly dependentDdl: readonly string[];
  readonly logger: ProjectionLogger;
}

const PG_POOL = Symbol('PG_POOL');
const EVENT_STORE = Symbol('EVENT_STORE');

/** Ends the runner before the event store and the pool it uses. */
class ProjectorShutdown implements OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly logger: ProjectionLogger,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    await this.pool.end();
    if (signal) this.logger.info('Projector stopped', { signal });
  }
}

/** The projector's pieces: the read-model pool, the configured event store and the runner. */
@Module({})
export class ProjectorModule {
  static register(options: ProjectorModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: ProjectorModule,
      providers: [
        { provide: PG_POOL, useFactory: () => new Pool({ connectionString: config.databaseUrl, max: 10 }) },
        { provide: EVENT_STORE, useFactory: (pool: Pool) => createEventStore(config.env, pool), inject: [PG_POOL] },
        {
          provide: ProjectionRunner,
          useFactory: (pool: Pool, store: EventStore) =>
            new ProjectionRunner({
              pool,
              store,
              projections: options.projections,
              subscription: config.subscription,
              dependentDdl: options.dependentDdl,
              logger: options.logger,
            }),
          inject: [PG_POOL, EVENT_STORE],
        },
        {
          provide: ProjectorShutdown,
          useFactory: (runner: ProjectionRunner, store: EventStore, pool: Pool) => new ProjectorShutdown(runner, store, pool, options.logger),
          inject: [ProjectionRunner, EVENT_STORE, PG_POOL],
        },
      ],
      exports: [ProjectionRunner],
    };
  }
}
