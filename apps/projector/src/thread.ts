import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { jsonLoggerAt, ProjectionRunner } from '@app/projection-runner';
import { createProjectorContext, projectorLogger, startProjecting } from './projector-app';
import { loadProjectorConfig } from './projector-config';
import type { FromProjectorThread, ToProjectorThread } from './thread-messages';

/**
 * The projector on a worker thread of the api (PROJECTOR_THREAD, the single-machine default): the projections and
 * process managers of the projector process, on an event loop of their own beside the api's. Answers `running`
 * once they run, the projections' status when asked, and stops (batches committed, locks released) when told.
 */
async function main(): Promise<void> {
  const api = parentPort;
  if (!api) throw new Error('apps/projector/src/thread runs on a worker thread; the projector process is apps/projector/src/main');
  const send = (message: FromProjectorThread) => api.postMessage(message);
  const config = loadProjectorConfig();
  const app = await createProjectorContext(config, jsonLoggerAt(config.env.LOG_LEVEL, { service: 'projector', thread: true }));
  const processManagers = await startProjecting(app, config);
  const runner = app.get(ProjectionRunner);
  api.on('message', (message: ToProjectorThread) => {
    if (message.type === 'status') {
      runner.status().then(
        (status) => send({ type: 'status', id: message.id, status }),
        (error: unknown) => send({ type: 'status', id: message.id, error: error instanceof Error ? error.message : String(error) }),
      );
    } else {
      void (async () => {
        await processManagers.close();
        await app.close();
        api.close();
      })();
    }
  });
  send({ type: 'running' });
}

main().catch((error: unknown) => {
  projectorLogger.error('Projector thread failed', { error });
  parentPort?.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromProjectorThread);
  process.exit(1);
});
