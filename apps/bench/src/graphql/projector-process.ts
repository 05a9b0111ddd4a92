import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { appEntry, LOADERS, ROOT } from '@app/platform';

const PROJECTOR = appEntry('projector', 'main');
const READY = 'Projector running';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

export interface ProjectorProcess {
  /** SIGTERM, as docker stop sends: the projector finishes its batches, releases its locks and exits. */
  stop(): Promise<void>;
}

/**
 * The projector as a child process on `databaseUrl` (the docker-compose topology: the api serves
 * GraphQL, the projector runs the projections and the process managers). Resolves once it logs that it
 * runs; its errors are passed on to stderr.
 */
export async function startProjectorProcess(databaseUrl: string): Promise<ProjectorProcess> {
  const child = spawn(
    process.execPath,
    [...LOADERS, PROJECTOR],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[projector] ${chunk.toString()}`));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the projector did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes(READY)) {
        clearTimeout(timer);
        resolve();
      } else if (line.includes('"level":"error"')) {
        process.stderr.write(`[projector] ${line}\n`);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the projector exited (code ${code}) before it ran`));
    });
  });
  try {
    await ready;
  } catch (error) {
    await stop(child, exited);
    throw error;
  }
  return { stop: () => stop(child, exited) };
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
