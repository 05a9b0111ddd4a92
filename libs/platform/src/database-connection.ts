import { resolve } from 'node:path';
import { Client } from 'pg';
import { ConfigurationError, type Environment } from '@app/config';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '@app/database';

export const APP_DATABASE = 'qlvbdh';

export interface DatabaseConnection {
  readonly url: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise the embedded PostgreSQL of this checkout (started here, or
 * reused when another process of the project, e.g. the api, already runs it on the same port).
 */
export async function connectDatabase(env: Environment, log: (line: string) => void): Promise<DatabaseConnection> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, close: async () => undefined };
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/postgres`;
  let stop = async () => undefined as void;
  if (!(await reachable(adminUrl))) {
    log(`Starting the embedded PostgreSQL (data in ${resolve(env.EMBEDDED_PG_DIR)}, port ${env.EMBEDDED_PG_PORT})`);
    const pg = await startEmbeddedPostgres({ dataDir: resolve(env.EMBEDDED_PG_DIR), port: env.EMBEDDED_PG_PORT }).catch((error: unknown) => {
      throw new ConfigurationError([
        `The embedded PostgreSQL could not start (${error instanceof Error ? error.message : String(error)}). ` +
          'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to a PostgreSQL server of yours.',
      ]);
    });
    stop = () => pg.stop();
  }
  await ensureDatabase(adminUrl, APP_DATABASE);
  return { url: withDatabase(adminUrl, APP_DATABASE), embedded: true, close: stop };
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
