import { Worker } from 'node:worker_threads';
import { Environment, environmentVariables } from '@app/config';
import { appEntry, LOADERS } from '@app/platform';
import type { ProjectionStatus } from '@app/projection-runner';
import type { FromProjectorThread, ToProjectorThread } from '../../../projector/src/thread-messages';
import type { ProjectionStatusSource } from './tokens';

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

export interface ProjectorThread extends ProjectionStatusSource {
  /** Lets the process managers finish their events and the batches in progress commit, then ends the thread. */
  stop(): Promise<void>;
}

/**
 * Starts the projector (projections and process managers) on a worker thread of this process, configured as the api
 * is (`env`) on `databaseUrl`: the api's event loop then serves requests only, and the projections run beside it on
 * the machine's other core, as with a projector process but without a second process to deploy. Resolves once they
 * run. Read-your-writes needs nothing from it: the api's runner learns its checkpoints from their NOTIFYs, as from a
 * projector process.
 */
export async function startProjectorThread(env: Environment, databaseUrl: string, log: (line: string) => void): Promise<ProjectorThread> {
  // The api's own configuration (which need not be process.env's), every projection (PROJECTIONS empty), its database.
  const variables = { ...process.env, ...environmentVariables(env), PROJECTIONS: '', DATABASE_URL: databaseUrl };
  const worker = new Worker(appEntry('projector', 'thread'), { execArgv: LOADERS, env: variables });
  const pending = new Map<number, { resolve: (status: ProjectionStatus[]) => void; reject: (error: Error) => void }>();
  let requests = 0;
  let ended = false;
  let stopping = false;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  void exited.then((code) => {
    ended = true;
    if (!stopping) log(`the projector thread ended (code ${code}): projections and process managers stopped; /health answers degraded`);
    for (const { reject } of pending.values()) reject(new Error(`the projector thread ended (code ${code})`));
    pending.clear();
  });
  worker.on('error', (error) => log(`projector thread failed: ${error.message}`));
  let timer: NodeJS.Timeout | undefined;
  const running = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the projector thread did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    void exited.then((code) => reject(new Error(`the projector thread ended (code ${code}) before it ran`)));
    worker.on('message', (message: FromProjectorThread) => {
      if (message.type === 'running') {
        resolve();
      } else if (message.type === 'failed') {
        reject(new Error(`the projector thread failed: ${message.message}`));
      } else {
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (message.status) request?.resolve(message.status);
        else request?.reject(new Error(message.error ?? 'no status'));
      }
    });
  });
  const send = (message: ToProjectorThread) => worker.postMessage(message);
  const stop = async () => {
    if (ended) return;
    stopping = true;
    send({ type: 'stop' });
    const timer = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    await running;
  } catch (error) {
    stopping = true;
    await worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  log('Projections and process managers running on a worker thread');
  return {
    stop,
    status() {
      if (ended) return Promise.reject(new Error('the projector thread has ended'));
      return new Promise((resolve, reject) => {
        const id = ++requests;
        pending.set(id, { resolve, reject });
        send({ type: 'status', id });
      });
    },
  };
}
