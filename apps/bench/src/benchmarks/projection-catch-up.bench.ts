import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { jsonLogger, ProjectionDefinition, ProjectionRunner } from '@app/projection-runner';
import type { Benchmark, BenchContext, ResultRow } from '../benchmark';
import { documentHistory } from '../catch-up/incoming-history';
import { runCountedLoad } from '../load';
import { loadRow, skippedRow } from '../result-rows';

const LOAD_WRITERS = 16;
const HANDLED = ['IncomingDocumentReceived', 'IncomingDocumentRegistered'];

/**
 * (d) A fresh ProjectionRunner catching the incoming-document read models up from zero to the head
 * of `--events` events (received + registered, two per document), in a database of its own.
 */
export const projectionCatchUpBenchmark: Benchmark = {
  id: 'd',
  title: 'projection catch-up',
  timeLimitMs: (o) => 90_000 + o.events * 3,
  async run(ctx) {
    // Loaded on use: read models under construction must not keep the other benchmarks from running.
    const { allProjections } = await import('@app/projections');
    const projections = allProjections.filter((p) => p.eventTypes.some((type) => HANDLED.includes(type)));
    const documents = Math.ceil(ctx.options.events / 2);
    const caseName = `catch-up of ${documents * 2} events`;
    if (projections.length === 0) return [skippedRow('d', caseName, 'no projection handles incoming-document events')];
    const url = await ctx.server.database('catchup');
    const loadRowResult = await appendHistory(ctx, url, documents);
    // The target is the register read model's (the incoming register); all incoming read models together
    // are measured second, from zero again, for information.
    const register = projections.filter((p) => p.name === 'incoming_documents');
    const registerRow = await catchUpFromZero(ctx, url, register, documents, true);
    await dropReadModels(url);
    const allRow = await catchUpFromZero(ctx, url, projections, documents, false);
    return [loadRowResult, registerRow, allRow];
  },
};

/**
 * Writes the history fast: one append of both events per document, 16 writers, and the loader's
 * sessions commit without waiting for the WAL flush. This is setup; its speed is no target.
 */
async function appendHistory(ctx: BenchContext, url: string, documents: number): Promise<ResultRow> {
  const pool = new Pool({ connectionString: url, max: LOAD_WRITERS, options: '-c synchronous_commit=off' });
  const store = new PostgresEventStore(pool, { notifications: false });
  try {
    await store.migrate();
    const tenth = Math.max(1, Math.floor(documents / 10));
    ctx.log(`(d) appending ${documents * 2} events (${documents} documents × received + registered)`);
    const result = await runCountedLoad({
      concurrency: LOAD_WRITERS,
      count: documents,
      op: async (index) => {
        const { streamId, events } = documentHistory(index);
        await store.append(streamId, events, 'no_stream');
        if ((index + 1) % tenth === 0) ctx.log(`(d)   ${index + 1} / ${documents} documents`);
      },
    });
    return loadRow('d', `setup: ${documents} appends of 2 events, ${LOAD_WRITERS} writers`, result, {
      note: 'not a target; loader sessions use synchronous_commit=off',
    });
  } finally {
    await store.close();
    await pool.end();
  }
}

async function catchUpFromZero(
  ctx: BenchContext,
  url: string,
  projections: readonly ProjectionDefinition[],
  documents: number,
  targeted: boolean,
): Promise<ResultRow> {
  const events = documents * 2;
  const names = projections.map((p) => p.name).join(', ');
  const pool = new Pool({ connectionString: url, max: 10 });
  const store = new PostgresEventStore(pool);
  // Warnings and errors still reach stderr; the runner's routine info lines would bury the table.
  const runner = new ProjectionRunner({ pool, store, projections, logger: { ...jsonLogger({ component: 'bench' }), info: () => undefined } });
  try {
    const head = await store.headPosition();
    if (head === null) throw new Error('the event store is empty after loading');
    ctx.log(`(d) catching up ${names} from zero`);
    const t0 = performance.now();
    await runner.start();
    await runner.waitForPosition(head, 60_000 + events * 2);
    const seconds = (performance.now() - t0) / 1000;
    await checkReadModel(pool, projections, documents);
    return {
      benchmark: 'd',
      case: `catch-up of ${events} events from zero, ${targeted ? 'register read model' : 'all incoming read models'}`,
      ops: events,
      seconds,
      opsPerSecond: events / seconds,
      p50Ms: null,
      p99Ms: null,
      ...(targeted ? { target: { metric: 'opsPerSecond' as const, min: 10_000 } } : {}),
      note: `fresh ProjectionRunner: ${names}`,
    };
  } finally {
    await runner.stop();
    await store.close();
    await pool.end();
  }
}

/** A catch-up that skipped events would look fast: the incoming register must hold every document. */
async function checkReadModel(pool: Pool, projections: readonly ProjectionDefinition[], documents: number): Promise<void> {
  if (!projections.some((p) => p.name === 'incoming_documents')) return;
  const { rows } = await pool.query<{ registered: number }>(
    `SELECT count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered FROM rm_incoming_documents.incoming_documents`,
  );
  if (rows[0].registered !== documents) {
    throw new Error(`incoming_documents holds ${rows[0].registered} registered documents, expected ${documents}`);
  }
}

/** Removes every read model and the runner's checkpoints, so the next catch-up starts from zero. */
async function dropReadModels(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'rm\\_%' OR nspname IN ('projection', 'reporting')`,
    );
    for (const { name } of rows) await pool.query(`DROP SCHEMA "${name}" CASCADE`);
  } finally {
    await pool.end();
  }
}
