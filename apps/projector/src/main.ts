import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError } from '@app/config';
import { READ_MODELS_WAIT_MS } from '@app/process-managers';
import { jsonLogger, ProjectionRunner } from '@app/projection-runner';
import { allProjections, reportingViews } from '@app/projections';
import { NestJsonLogger } from './nest-logger';
import { RunningProcessManagers, startProcessManagers } from './process-managers';
import { loadProjectorConfig, selectProjections } from './projector-config';
import { ProjectorModule } from './projector.module';

const USAGE = 'usage: projector            run the projections until SIGTERM\n       projector rebuild <name>   rebuild one read model from the start and switch over';

const logger = jsonLogger({ service: 'projector' });

/**
 * The projector (architecture.md §2, §5, §10): runs the read-model projections, or rebuilds one.
 * Configuration comes from the environment: DATABASE_URL (required), EVENT_STORE,
 * EVENTSTORE_CONNECTION_STRING, PROJECTIONS, PROJECTOR_SUBSCRIPTION.
 */
async function main(args: readonly string[]): Promise<void> {
  const [command, name, ...rest] = args;
  const rebuilding = command === 'rebuild';
  if (!(command === undefined || (rebuilding && name !== undefined && rest.length === 0))) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadProjectorConfig();
  const projections = selectProjections(allProjections, config.projections);
  const app = await NestFactory.createApplicationContext(
    ProjectorModule.register({ config, projections, dependentDdl: reportingViews, logger }),
    { logger: new NestJsonLogger(logger) },
  );
  const runner = app.get(ProjectionRunner);
  if (rebuilding) {
    try {
      await runner.rebuild(name);
    } finally {
      await app.close();
    }
    return;
  }
  // SIGTERM/SIGINT: let the process managers finish their event and the batches in progress commit, release the locks, then exit.
  let processManagers: RunningProcessManagers | null = null;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void shutdown(signal, [processManagers, app]));
  }
  await runner.start();
  // The liên thông process managers read the agencies' calendars from a read model: they start once the schemas exist.
  processManagers = await startProcessManagers(config, (position) => runner.waitForPosition(position, READ_MODELS_WAIT_MS));
  logger.info('Projector running', { projections: projections.map((p) => p.name), subscription: config.subscription });
}

/** A Nest application context, whose close passes the signal on to the shutdown hooks as enableShutdownHooks does. */
type Closable = { close(signal?: string): Promise<void> };

/** Closes the contexts in order, then lets the signal end the process as Nest's shutdown hooks would. */
async function shutdown(signal: NodeJS.Signals, contexts: readonly (Closable | null)[]): Promise<void> {
  for (const context of contexts) await context?.close(signal);
  process.kill(process.pid, signal);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigurationError) process.stderr.write(`${error.message}\n`);
  else logger.error('Projector failed', { error });
  process.exit(1);
});
