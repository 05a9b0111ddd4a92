import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-database';
import {
  AppendResult,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  RecordedEvent,
  Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { sealEvents, verifyChain } from '../serialization';
import { eventStoreContract } from '../testing/event-store.contract';
import { appendEvents } from './append-events';
import { DuplicateEventIdError } from './errors';
import { CHANNEL } from './schema';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';
import { PostgresSubscription } from './postgres-subscription';
import { EVENTS_AFTER, eventsAfter } from './read-all';
import type { Queryable } from './queryable';
import { readStream } from './read-stream';
import { SharedPageReads } from './shared-page-reads';

/** Appends inside a transaction that stays open `delayMs` longer, as a slow command handler would. */
async function appendSlowly(
  pool: Pool,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  delayMs: number,
): Promise<AppendResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await appendEvents(client, streamId, events, expected);
    await client.query('SELECT pg_sleep($1)', [delayMs / 1_000]);
    await client.query('COMMIT');
    await client.query(`NOTIFY ${CHANNEL}`);
    client.release();
    return result;
  } catch (error) {
    client.release(true);
    throw error;
  }
}

async function openStore(options: PostgresEventStoreOptions = {}): Promise<{ store: PostgresEventStore; database: TestDatabase }> {
  const database = await createTestDatabase('event_store');
  const store = new PostgresEventStore(database.url, options);
  await store.migrate();
  return { store, database };
}

eventStoreContract(
  'PostgresEventStore',
  async () => {
    // A small page size makes every read in the suite cross page boundaries.
    const { store, database } = await openStore({ pageSize: 7, maxConnections: 40 });
    return {
      store,
      appendSlowly: (streamId, events, expected, delayMs) => appendSlowly(store.pool, streamId, events, expected, delayMs),
      teardown: async () => {
        await store.close();
        await database.drop();
      },
    };
  },
  { stress: { rounds: 3 } },
);

const event = (type: string): NewEvent => ({ eventId: randomUUID(), type, data: { type }, metadata: {} });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/**
 * Reads a subscription one event at a time with a time limit. A next() that timed out stays pending
 * and is the one the following call awaits, so no event is lost between calls.
 */
function timedReader(iterator: AsyncIterator<RecordedEvent>) {
  let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
  return async (ms: number): Promise<{ event: RecordedEvent; ms: number } | null> => {
    const started = Date.now();
    pending ??= iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
    const next = await Promise.race([pending, timeout]);
    clearTimeout(timer);
    if (next === null) return null;
    pending = null;
    return next.done ? null : { event: next.value, ms: Date.now() - started };
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until `count` events are visible: other tests' open transactions can hold readers back briefly. */
async function readAllEventually(store: PostgresEventStore, from: GlobalPosition | 'start', prefix: string, count: number) {
  for (let attempt = 0; ; attempt++) {
    const all = await collect(store.readAll(from, { streamPrefixes: [prefix] }));
    if (all.length >= count || attempt === 500) return all;
    await sleep(20);
  }
}

describe('PostgresEventStore on PostgreSQL', () => {
  let store: PostgresEventStore;
  let database: TestDatabase;
  let subscriptions: Subscription[];
  let prefix: string;

  beforeAll(async () => ({ store, database } = await openStore()));
  afterAll(async () => {
    await store.close();
    await database.drop();
  });
  beforeEach(() => {
    subscriptions = [];
    prefix = `pg-${randomUUID()}-`;
  });
  afterEach(() => Promise.all(subscriptions.map((s) => s.unsubscribe())));

  const live = async (target: PostgresEventStore, from: GlobalPosition | 'start' | null = null) => {
    const subscription = target.subscribeToAll(from ?? (await target.headPosition()) ?? 'start', { streamPrefixes: [prefix] });
    subscriptions.push(subscription);
    return timedReader(subscription[Symbol.asyncIterator]());
  };

  describe('schema', () => {
    it('migrates idempotently, also when several processes migrate at once', async () => {
      const fresh = await openStore();
      try {
        await Promise.all([fresh.store.migrate(), fresh.store.migrate(), fresh.store.migrate()]);
        const { rows } = await fresh.store.pool.query(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'event_store' ORDER BY table_name`,
        );
        expect(rows.map((r) => r.table_name)).toEqual(['events']);
        expect(await fresh.store.headPosition()).toBeNull();
      } finally {
        await fresh.store.close();
        await fresh.database.drop();
      }
    });
  });

  describe('idempotency', () => {
    it('answers a retry with any or stream_exists with the original result', async () => {
      const stream = `${prefix}doc`;
      await store.append(stream, [event('A')], 'no_stream');
      const events = [event('B'), event('C')];
      const first = await store.append(stream, events, 'any');
      await store.append(stream, [event('D')], 'any');

      expect(await store.append(stream, events, 'any')).toEqual(first);
      expect(await store.append(stream, events, 'stream_exists')).toEqual(first);
      expect(await collect(store.readStream(stream))).toHaveLength(4);
    });

    it('does not take a stored append repeated at another expected revision for a retry', async () => {
      const stream = `${prefix}doc`;
      const events = [event('A')];
      await store.append(stream, events, 'no_stream');
      await store.append(stream, [event('B')], 0n);

      const stale = store.append(stream, events, 0n);
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(stale).rejects.toMatchObject({ actual: 1n });
      await expect(store.append(stream, events, 1n)).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('refuses an append after other writes in its transaction', async () => {
      const client = await store.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('CREATE TEMP TABLE scratch (x int) ON COMMIT DROP; INSERT INTO scratch VALUES (1)');
        await expect(appendEvents(client, `${prefix}doc`, [event('A')], 'any')).rejects.toThrow('first write of its transaction');
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });

    it('refuses event ids stored in another stream or in another append', async () => {
      const stored = [event('A'), event('B')];
      await store.append(`${prefix}one`, stored, 'no_stream');

      await expect(store.append(`${prefix}two`, [stored[0]], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.append(`${prefix}one`, [stored[0], event('C')], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.append(`${prefix}one`, [event('C'), stored[1]], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await collect(store.readStream(`${prefix}two`))).toEqual([]);
      expect(await collect(store.readStream(`${prefix}one`))).toHaveLength(2);
    });

    it('serialises appenders racing to create a new stream with any', async () => {
      const stream = `${prefix}doc`;
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.append(stream, [event(`E${i}`)], 'any')));

      expect(results.map((r) => r.nextRevision).sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i)));
      expect((await collect(store.readStream(stream))).map((e) => e.revision)).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i)));
    });
  });

  describe('connections', () => {
    it('keeps its connection after a refused append (pg\'s Pool.query would open a new one)', async () => {
      const pool = new Pool({ connectionString: database.url, max: 1 });
      const own = new PostgresEventStore(pool);
      const backend = async () => (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      try {
        const stream = `${prefix}doc`;
        const stored = [event('A')];
        await own.append(stream, stored, 'no_stream');
        const first = await backend();

        await expect(own.append(stream, [event('B')], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(own.append(`${prefix}other`, stored, 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await own.append(stream, [event('B')], 0n)).toMatchObject({ nextRevision: 1n });
        expect(await backend()).toBe(first);
      } finally {
        await own.close();
        await pool.end();
      }
    });
  });

  describe('reading a stream backwards', () => {
    it('starts with a small page and doubles it: a reader after the latest events fetches few rows of a long stream', async () => {
      const stream = `${prefix}register`;
      for (let batch = 0; batch < 3; batch++) await store.append(stream, Array.from({ length: 100 }, () => event('NumberAllocated')), 'any');
      let fetched = 0;
      const counting: Queryable = {
        async query(config) {
          const result = await store.pool.query(config);
          fetched += result.rows.length;
          return result;
        },
      };
      const backwards = () => readStream(counting, stream, { direction: 'backwards' }, 500);

      const latest: bigint[] = [];
      for await (const stored of backwards()) {
        latest.push(stored.revision);
        if (latest.length === 3) break;
      }
      expect(latest).toEqual([299n, 298n, 297n]);
      expect(fetched).toBeLessThanOrEqual(16);

      fetched = 0;
      expect((await collect(backwards())).map((stored) => stored.revision)).toEqual(Array.from({ length: 300 }, (_, i) => BigInt(299 - i)));
      expect(fetched).toBe(300);
    });
  });

  describe('query plans', () => {
    it('asks "anything after this position?" through the $all key, also in the generic plan a prepared statement switches to', async () => {
      for (let batch = 0; batch < 20; batch++) {
        await store.append(`${prefix}bulk-${batch}`, Array.from({ length: 100 }, () => event('Bulk')), 'no_stream');
      }
      const client = await store.pool.connect();
      try {
        await client.query('ANALYZE event_store.events');
        await client.query('SET plan_cache_mode = force_generic_plan');
        await client.query(`PREPARE events_after_plan AS ${EVENTS_AFTER}`);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>("EXPLAIN EXECUTE events_after_plan('0', '0')");
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan).toContain('Index Only Scan using events_pkey');
        expect(plan).not.toContain('Seq Scan');
        const last = await store.lastPosition();
        expect(await eventsAfter(client, 'start')).toBe(true);
        expect(await eventsAfter(client, last!)).toBe(false);
      } finally {
        client.release(true);
      }
    });
  });

  describe('hash chain', () => {
    it('verifies after a round trip through jsonb, and finds a row altered in the database', async () => {
      const stream = `${prefix}doc`;
      const payload = { subject: 'Công văn số 12/UBND-VP', pages: 3, ratio: 0.5, big: 2 ** 53, nested: { z: [1, 'á'], a: null } };
      const first = sealEvents(stream, 0n, null, [
        { eventId: randomUUID(), type: 'DocumentReceived', data: payload, metadata: { actor: { userId: 'u1' }, schemaVersion: 1 } },
      ]);
      await store.append(stream, first, 'no_stream');
      const [stored] = await collect(store.readStream(stream));
      const next = sealEvents(stream, 1n, stored.metadata.hash as string, [event('DocumentRegistered'), event('DocumentAssigned')]);
      await store.append(stream, next, 0n);

      expect(verifyChain(await collect(store.readStream(stream)))).toEqual({ valid: true, eventCount: 3, brokenAtRevision: null });

      await store.pool.query(
        `UPDATE event_store.events SET data = jsonb_set(data, '{type}', '"Forged"') WHERE stream_id = $1 AND revision = 1`,
        [stream],
      );
      expect(verifyChain(await collect(store.readStream(stream)))).toEqual({ valid: false, eventCount: 3, brokenAtRevision: 1n });
    });
  });

  describe('a transaction that commits late', () => {
    it('holds back readAll and the head (not the last position) until it commits, then reads first', async () => {
      const origin = (await store.headPosition()) ?? 'start';
      const client = await store.pool.connect();
      try {
        await client.query('BEGIN');
        const late = await appendEvents(client, `${prefix}late`, [event('Late')], 'no_stream');
        const early = await store.append(`${prefix}early`, [event('Early')], 'no_stream');

        expect(late.position < early.position).toBe(true);
        expect(await collect(store.readAll(origin, { streamPrefixes: [prefix] }))).toEqual([]);
        const head = await store.headPosition();
        expect(head === null || head < late.position).toBe(true);
        expect(await store.lastPosition()).toBe(early.position);

        await client.query('COMMIT');
      } finally {
        client.release();
      }
      const all = await readAllEventually(store, origin, prefix, 2);
      expect(all.map((e) => e.type)).toEqual(['Late', 'Early']);
    });

    it('reaches a live subscriber in position order, after the commit', async () => {
      const subscriber = await live(store);
      const client = await store.pool.connect();
      try {
        await client.query('BEGIN');
        await appendEvents(client, `${prefix}late`, [event('Late')], 'no_stream');
        await store.append(`${prefix}early`, [event('Early')], 'no_stream');

        expect(await subscriber(300)).toBeNull();

        await client.query('COMMIT');
      } finally {
        client.release();
      }
      expect((await subscriber(10_000))?.event.type).toBe('Late');
      expect((await subscriber(10_000))?.event.type).toBe('Early');
    });

    it('does not leave an event unread until the next poll when it becomes readable right after a page missed it', async () => {
      const from = (await store.headPosition()) ?? 'start';
      const blocker = await store.pool.connect();
      let subscription: PostgresSubscription | null = null;
      try {
        // An open transaction with an id holds back every append committed after it began.
        await blocker.query('BEGIN');
        await blocker.query('SELECT pg_current_xact_id()');
        await store.append(`${prefix}held`, [event('Held')], 'no_stream');
        let missed = false;
        // The blocker ends between the subscriber's page read (which cannot see the event yet) and its next query.
        const db: Queryable = {
          query: async (config) => {
            const result = await store.pool.query(config);
            if (config.name === 'event_store_read_all_forwards' && !missed) {
              missed = true;
              await blocker.query('COMMIT');
            }
            return result as never;
          },
        };
        subscription = new PostgresSubscription(
          new SharedPageReads(db),
          from,
          { streamPrefixes: [prefix] },
          { pageSize: 100, pollIntervalMs: 30_000 },
          null,
          () => undefined,
        );
        const next = await timedReader(subscription[Symbol.asyncIterator]())(5_000);
        expect(missed).toBe(true);
        expect(next?.event.type).toBe('Held');
        expect(next?.ms).toBeLessThan(2_000);
      } finally {
        await subscription?.unsubscribe();
        await blocker.query('ROLLBACK').catch(() => undefined);
        blocker.release();
      }
    });

    it('does not delay a subscriber for long when it rolls back without notifying', async () => {
      const slowPolling = new PostgresEventStore(store.pool, { pollIntervalMs: 30_000 });
      const subscriber = await live(slowPolling);
      const client = await store.pool.connect();
      try {
        await client.query('BEGIN');
        await appendEvents(client, `${prefix}rolled-back`, [event('Never')], 'no_stream');
        await store.append(`${prefix}early`, [event('Early')], 'no_stream');
        await sleep(100);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      const next = await subscriber(5_000);
      expect(next?.event.type).toBe('Early');
      expect(next?.ms).toBeLessThan(2_000);
      await slowPolling.close();
    });
  });

  describe('waking subscribers', () => {
    it('delivers a live append within milliseconds through LISTEN/NOTIFY, not the poll interval', async () => {
      const slowPolling = new PostgresEventStore(store.pool, { pollIntervalMs: 30_000 });
      const subscriber = await live(slowPolling);
      await store.append(`${prefix}warm-up`, [event('WarmUp')], 'no_stream');
      expect((await subscriber(5_000))?.event.type).toBe('WarmUp');

      const latencies: number[] = [];
      for (let i = 0; i < 5; i++) {
        const waiting = subscriber(5_000);
        await store.append(`${prefix}doc-${i}`, [event('A')], 'no_stream');
        const next = await waiting;
        latencies.push(next?.ms ?? Number.POSITIVE_INFINITY);
      }

      expect(Math.max(...latencies)).toBeLessThan(500);
      await slowPolling.close();
    });

    it('falls back to polling when notifications are off', async () => {
      const polling = new PostgresEventStore(store.pool, { notifications: false, pollIntervalMs: 100 });
      const subscriber = await live(polling);
      // Let the subscription catch up and go idle, so only a poll can find the append.
      expect(await subscriber(300)).toBeNull();

      await polling.append(`${prefix}doc`, [event('Polled')], 'no_stream');

      const next = await subscriber(5_000);
      expect(next?.event.type).toBe('Polled');
      expect(next?.ms).toBeLessThan(1_000);
      await polling.close();
    });

    it('listens again after its connection is lost', async () => {
      const pool = new Pool({ connectionString: database.url, application_name: `listener-${prefix}` });
      const slowPolling = new PostgresEventStore(pool, { pollIntervalMs: 30_000 });
      const subscriber = await live(slowPolling);
      const listenerPid = async () => {
        const { rows } = await store.pool.query(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query = 'LISTEN event_store_appended'`,
          [`listener-${prefix}`],
        );
        return rows.length > 0 ? (rows[0].pid as number) : null;
      };
      const waitForListener = async (other: number | null) => {
        for (let i = 0; i < 500; i++) {
          const pid = await listenerPid();
          if (pid !== null && pid !== other) return pid;
          await sleep(10);
        }
        throw new Error('no LISTEN connection');
      };
      const waiting = subscriber(10_000);
      const first = await waitForListener(null);

      await store.pool.query('SELECT pg_terminate_backend($1)', [first]);
      await waitForListener(first);
      await store.append(`${prefix}doc`, [event('AfterReconnect')], 'no_stream');

      const next = await waiting;
      expect(next?.event.type).toBe('AfterReconnect');
      await slowPolling.close();
      await pool.end();
    });
  });

  describe('subscriptions at the same position', () => {
    it('share one page query and one "anything after?" query, each keeping only what its filter matches', async () => {
      const from = (await store.headPosition()) ?? 'start';
      await store.append(`${prefix}a-1`, [event('Received'), event('Registered')], 'no_stream');
      await store.append(`${prefix}b-1`, [event('Received')], 'no_stream');
      await readAllEventually(store, from, prefix, 3);
      const queries: string[] = [];
      const db: Queryable = {
        query: async (config) => {
          queries.push(config.name ?? config.text);
          return (await store.pool.query(config)) as never;
        },
      };
      const pages = new SharedPageReads(db);
      const filters = [
        { streamPrefixes: [prefix] },
        { streamPrefixes: [prefix], eventTypes: ['Registered'] },
        { streamPrefixes: [`${prefix}b-`] },
        { streamPrefixes: [`${prefix}none-`], eventTypes: ['Received'] },
      ];
      const settings = { pageSize: 100, pollIntervalMs: 30_000 };
      const readers = filters.map((filter) => {
        const subscription = new PostgresSubscription(pages, from, filter, settings, null, () => undefined);
        subscriptions.push(subscription);
        return timedReader(subscription[Symbol.asyncIterator]());
      });
      const firstOfEach = await Promise.all(readers.map((read, index) => read(index < 3 ? 5_000 : 300)));
      expect(firstOfEach.map((next) => next && `${next.event.streamId.slice(prefix.length)} ${next.event.type}`)).toEqual([
        'a-1 Received',
        'a-1 Registered',
        'b-1 Received',
        null,
      ]);
      expect(await readers[0](5_000)).toMatchObject({ event: { type: 'Registered' } });
      expect(await readers[0](5_000)).toMatchObject({ event: { type: 'Received', streamId: `${prefix}b-1` } });
      expect(await readers[0](200)).toBeNull();
      expect(await readers[1](200)).toBeNull();
      expect(await readers[2](200)).toBeNull();

      expect(queries.filter((name) => name === 'event_store_read_all_forwards')).toHaveLength(1);
      expect(queries.filter((name) => name === 'event_store_events_after')).toHaveLength(1);
    });
  });

  describe('close', () => {
    it('ends every subscription of the store', async () => {
      const own = new PostgresEventStore(database.url);
      const subscriber = await live(own);
      const waiting = subscriber(10_000);
      await sleep(100);

      const started = Date.now();
      await own.close();

      expect(await waiting).toBeNull();
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });
});
