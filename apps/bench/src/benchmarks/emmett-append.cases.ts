import { types } from 'pg';
import type { BenchContext } from '../benchmark';
import { commitPool } from '../commit-load/commit-pool';
import type { TimedCase } from '../commit-load/timed-case';
import { WriterStreams } from '../commit-load/writer-streams';
import { baselineKey, WRITER_COUNTS } from './baseline-insert.cases';

/** int8, json, jsonb: Emmett's driver layer (dumbo) replaces these parsers for the whole process. */
const PARSED_TYPES = [types.builtins.INT8, types.builtins.JSON, types.builtins.JSONB];

/**
 * (c) The same workload as (b) on Emmett's PostgreSQL event store, as a peer, with a pool as large
 * as the writers like (b). Throws when Emmett cannot be loaded; the rows then say why.
 */
export async function emmettAppendCases(ctx: BenchContext): Promise<TimedCase[]> {
  // Loaded on use: a broken or missing peer must not keep the other benchmarks from running.
  const emmett = await import('@event-driven-io/emmett-postgresql');
  const url = await ctx.server.database();
  const saved = PARSED_TYPES.map((oid) => [oid, types.getTypeParser(oid, 'text')] as const);
  return WRITER_COUNTS.map((writers): TimedCase => {
    const pool = commitPool(url, writers);
    const store = emmett.getPostgreSQLEventStore(url, { connectionOptions: { pool } });
    // Events built beforehand, as for (b)'s rows against the baseline.
    const streams = new WriterStreams(
      writers,
      async (stream, event) => {
        // Emmett counts events (0 = no stream); our revisions are 0-based.
        await store.appendToStream(stream.streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], {
          expectedStreamVersion: stream.revision + 1n,
        });
      },
      false,
    );
    return {
      benchmark: 'c',
      name: `Emmett appendToStream, ${writers} writer${writers > 1 ? 's' : ''}`,
      writers,
      row: { key: `emmett@${writers}`, relativeTo: baselineKey(writers) },
      async open() {
        await store.schema.migrate();
        await streams.create();
      },
      op: (worker) => streams.appendNext(worker),
      async close() {
        try {
          await store.close();
          await pool.end();
        } finally {
          // Our store and read models parse int8 and jsonb as pg does by default (append itself reads text).
          for (const [oid, parser] of saved) types.setTypeParser(oid, parser);
        }
      },
    };
  });
}
