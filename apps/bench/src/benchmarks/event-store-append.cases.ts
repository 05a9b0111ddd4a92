import { PostgresEventStore } from '@app/event-store';
import type { BenchContext } from '../benchmark';
import { commitPool } from '../commit-load/commit-pool';
import type { TimedCase } from '../commit-load/timed-case';
import { WriterStreams } from '../commit-load/writer-streams';
import { baselineKey, WRITER_COUNTS } from './baseline-insert.cases';

interface AppendCase {
  readonly writers: number;
  readonly notifications: boolean;
  /** Each event built and sealed in the timed operation, as CommandHandler does (see ChainedStream). */
  readonly sealEach: boolean;
  readonly name: string;
  readonly note?: string;
}

const CASES: readonly AppendCase[] = [
  ...WRITER_COUNTS.map((writers) => ({
    writers,
    notifications: true,
    sealEach: false,
    name: `append, ${writers} writer${writers > 1 ? 's' : ''}`,
    note: 'the store: an event built and sealed beforehand, as the baseline row is',
  })),
  {
    writers: 16,
    notifications: true,
    sealEach: true,
    name: 'append, 16 writers, each event sealed in the op',
    note: "diagnostic: plus the command handler's work per event (canonical JSON, SHA-256) on the same two cores",
  },
  {
    writers: 16,
    notifications: false,
    sealEach: false,
    name: 'append, 16 writers, notifications off',
    note: 'diagnostic: the store option for poolers that cannot LISTEN (subscriptions then poll)',
  },
];

/**
 * (b) PostgresEventStore.append as the application uses it (notifications on): one event per
 * append to the writer's own stream, exact expected revision, metadata sealed into the hash chain
 * (beforehand, or in the operation for the diagnostic row that adds the command handler's work).
 */
export async function eventStoreAppendCases(ctx: BenchContext): Promise<TimedCase[]> {
  const url = await ctx.server.database();
  return CASES.map((c): TimedCase => {
    const pool = commitPool(url, c.writers);
    const store = new PostgresEventStore(pool, { notifications: c.notifications });
    const streams = new WriterStreams(
      c.writers,
      async (stream, event) => {
        await store.append(stream.streamId, [event], stream.revision < 0n ? 'no_stream' : stream.revision);
      },
      c.sealEach,
    );
    return {
      benchmark: 'b',
      name: c.name,
      writers: c.writers,
      row: {
        key: c.notifications && !c.sealEach ? `es@${c.writers}` : undefined,
        relativeTo: baselineKey(c.writers),
        target: c.notifications && !c.sealEach && c.writers === 16 ? { metric: 'ratio', min: 0.5 } : undefined,
        note: c.note,
      },
      async open() {
        await store.migrate();
        await streams.create();
      },
      op: (worker) => streams.appendNext(worker),
      async close() {
        await store.close();
        await pool.end();
      },
    };
  });
}
