import { createTestDatabase, TestDatabase } from '@app/database/testing/test-database';
import { PostgresEventStore } from '@app/event-store';
import { Pool } from 'pg';
import { ProjectionLogger } from '../logger';
import { ProjectionRunner, ProjectionRunnerOptions } from '../projection-runner';
import { quoteIdent } from '../sql';

/** A test's own database with the PostgreSQL event store and a pool for the read models. */
export interface RunnerTestContext {
  readonly database: TestDatabase;
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  /** Starts a runner on this context's pool and store; `close()` stops it. */
  runner(options: Omit<ProjectionRunnerOptions, 'pool' | 'store'> & { pool?: Pool }): ProjectionRunner;
  /** Another pool on the database, as another process would have; `close()` ends it. */
  otherPool(): Pool;
  close(): Promise<void>;
}

export async function openRunnerTestContext(prefix: string): Promise<RunnerTestContext> {
  const database = await createTestDatabase(prefix);
  const pool = new Pool({ connectionString: database.url, max: 20 });
  const store = new PostgresEventStore(pool, { pollIntervalMs: 100 });
  await store.migrate();
  const runners: ProjectionRunner[] = [];
  const otherPools: Pool[] = [];
  return {
    database,
    pool,
    store,
    runner: (options) => {
      const runner = new ProjectionRunner({ logger: collectingLogger().logger, ...options, pool: options.pool ?? pool, store });
      runners.push(runner);
      return runner;
    },
    otherPool: () => {
      const other = new Pool({ connectionString: database.url, max: 5 });
      otherPools.push(other);
      return other;
    },
    close: async () => {
      await Promise.all(runners.map((runner) => runner.stop()));
      await Promise.all(otherPools.map((other) => other.end()));
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}

/** Polls `probe` until it returns something other than undefined/false. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every row of `schema.table`, ordered by its first column, for comparing read models. */
export async function tableRows(pool: Pool, schema: string, table: string): Promise<Record<string, unknown>[]> {
  const { rows } = await pool.query(`SELECT * FROM ${quoteIdent(schema)}.${quoteIdent(table)} ORDER BY 1, 2`);
  return rows;
}

export async function storedCheckpoint(pool: Pool, name: string): Promise<string | null> {
  const { rows } = await pool.query<{ position: string | null }>(
    'SELECT position FROM projection.projection_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0]?.position ?? null;
}

/** A logger that keeps what was logged, for assertions (and quiet test output). */
export function collectingLogger(): { logger: ProjectionLogger; lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}
