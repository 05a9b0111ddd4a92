import 'reflect-metadata';
import { ConfigurationError } from '@app/config';
import { ProjectionRunner } from '@app/projection-runner';
import { allProjections } from '@app/projections';
import type { RunningProcessManagers } from './process-managers';
import { createProjectorContext, projectorLogger as logger, startProjecting } from './projector-app';
import { loadProjectorConfig } from './projector-config';

const USAGE = 'usage: projector            run the projections until SIGTERM\n       projector rebuild <name>   rebuild one read model from the start and switch over';

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
  const app = await createProjectorContext(config, logger);
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
  processManagers = await startProjecting(app, config);
  logger.info('Projector running', { projections: config.projections ?? allProjections.map((p) => p.name), subscription: config.subscription });
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
