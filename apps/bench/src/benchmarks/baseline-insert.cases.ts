import type { BenchContext } from '../benchmark';
import { sampleEventJson } from '../commit-load/sample-event';
import type { TimedCase } from '../commit-load/timed-case';
import { commitPool } from '../commit-load/commit-pool';

export const WRITER_COUNTS = [1, 16] as const;
export const baselineKey = (writers: number): string => `commit@${writers}`;

interface BaselineCase {
  readonly writers: number;
  /** Also NOTIFY in the same transaction, as an append does: what that alone costs this server. */
  readonly notify: boolean;
}

const CASES: readonly BaselineCase[] = [...WRITER_COUNTS.map((writers) => ({ writers, notify: false })), { writers: 16, notify: true }];

/**
 * (a) What this PostgreSQL can commit: single-row INSERTs of an event-sized jsonb, each its own
 * autocommit transaction, so every one waits for its WAL flush as an append does.
 */
export async function baselineInsertCases(ctx: BenchContext): Promise<TimedCase[]> {
  const url = await ctx.server.database();
  const data = sampleEventJson();
  return CASES.map(({ writers, notify }): TimedCase => {
    const pool = commitPool(url, writers);
    const table = `bench_baseline_${writers}${notify ? '_notify' : ''}`;
    const text = notify
      ? `WITH i AS (INSERT INTO ${table} (stream, data) VALUES ($1, $2) RETURNING 1) SELECT pg_notify('bench_baseline', '') FROM i`
      : `INSERT INTO ${table} (stream, data) VALUES ($1, $2)`;
    const insert = { name: `bench_insert_${writers}${notify ? '_notify' : ''}`, text };
    const connections = `${writers} connection${writers > 1 ? 's' : ''}`;
    return {
      benchmark: 'a',
      name: notify ? `INSERT + pg_notify commit, ${connections}` : `INSERT commit, ${connections}`,
      writers,
      row: notify
        ? { relativeTo: baselineKey(writers), note: 'diagnostic: NOTIFY in the committing transaction, nothing else changed' }
        : { key: baselineKey(writers), note: `${Buffer.byteLength(data)} bytes of jsonb per row` },
      async open() {
        await pool.query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, stream text NOT NULL, data jsonb NOT NULL)`);
      },
      async op(worker) {
        await pool.query({ ...insert, values: [`bench-${worker}`, data] });
      },
      async close() {
        await pool.end();
      },
    };
  });
}
