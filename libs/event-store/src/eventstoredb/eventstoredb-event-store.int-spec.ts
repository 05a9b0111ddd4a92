import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  parsePosition,
  type EventStore,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from '../event-store.port';
import { startEventStoreDbDouble, type EventStoreDbDouble } from '../testing/esdb-double';
import { eventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { toClientPosition, toGlobalPosition } from './positions';

// jest reads testTimeout from the global config only, so the integration project's 60 s does not apply;
// the contract's stress case over gRPC needs more than the default 5 s on a busy machine.
jest.setTimeout(60_000);

interface Connection {
  readonly store: EventStore;
  teardown(): Promise<void>;
}

async function connectToDouble(batchAppend: boolean): Promise<Connection> {
  const double = await startEventStoreDbDouble({ batchAppend });
  const store = EventStoreDbEventStore.fromConnectionString(double.connectionString);
  return {
    store,
    teardown: async () => {
      await store.close();
      await double.stop();
    },
  };
}

async function connectToServer(connectionString: string): Promise<Connection> {
  const store = EventStoreDbEventStore.fromConnectionString(connectionString);
  return { store, teardown: () => store.close() };
}

const event = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID() },
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The next `count` events of a subscription, failing after `ms` rather than hanging the run. */
async function take(iterator: AsyncIterator<RecordedEvent>, count: number, ms = 5_000): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${taken.length} of ${count} events`)), ms);
  });
  try {
    while (taken.length < count) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
      taken.push(next.value);
    }
    return taken;
  } finally {
    clearTimeout(timer);
  }
}

/** Retries `check` until it passes, for state that settles asynchronously. */
async function eventually(check: () => void, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** What the adapter adds to the contract: its own translation of filters, cancellation and iteration. */
function adapterSuite(connect: () => Promise<Connection>): void {
  let connection: Connection;
  let store: EventStore;
  /** Every stream of a test starts with this, so `$all` reads can be scoped to the test. */
  let prefix: string;
  let origin: GlobalPosition | 'start';
  let subscriptions: Subscription[];

  beforeAll(async () => {
    connection = await connect();
    store = connection.store;
  });
  afterAll(() => connection.teardown());
  beforeEach(async () => {
    prefix = `esdb-${randomUUID()}-`;
    origin = (await store.headPosition()) ?? 'start';
    subscriptions = [];
  });
  afterEach(() => Promise.all(subscriptions.map((subscription) => subscription.unsubscribe())));

  const subscribe = (...args: Parameters<EventStore['subscribeToAll']>) => {
    const subscription = store.subscribeToAll(...args);
    subscriptions.push(subscription);
    return subscription;
  };

  it('matches event types literally, though the server gets them as a regex', async () => {
    const filter = { streamPrefixes: [prefix], eventTypes: ['Doc.Created', 'Doc(1)'] };
    await store.append(`${prefix}doc`, ['Doc.Created', 'DocXCreated', 'Doc.Created+', 'Doc1', 'Doc(1)'].map((type) => event(type)), 'no_stream');

    const read = await collect(store.readAll(origin, filter));
    const iterator = subscribe(origin, filter)[Symbol.asyncIterator]();
    const caughtUp = await take(iterator, 2);
    await store.append(`${prefix}doc`, [event('DocXCreated'), event('Doc.Created')], 4n);
    const live = await take(iterator, 1);

    expect(read.map((e) => e.revision)).toEqual([0n, 4n]);
    expect([...caughtUp, ...live].map((e) => e.revision)).toEqual([0n, 4n, 6n]);
  });

  it('yields nothing more from a subscription once the caller has left its loop', async () => {
    await store.append(`${prefix}a`, [event('A1'), event('A2')], 'no_stream');
    const subscription = subscribe(origin, { streamPrefixes: [prefix] });
    for await (const _ of subscription) break;

    await expect(subscription[Symbol.asyncIterator]().next()).resolves.toEqual({ done: true, value: undefined });
  });
}

describe('EventStoreDbEventStore', () => {
  describe('positions', () => {
    it('round-trips commit and prepare through the port format, ordered by commit then prepare', () => {
      const positions = [
        { commit: 149n, prepare: 0n },
        { commit: 149n, prepare: 78n },
        { commit: 1_000n, prepare: 200n },
        { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n },
      ];
      const global = positions.map(toGlobalPosition);
      expect(global.map(toClientPosition)).toEqual(positions);
      expect(global.map((p) => parsePosition(p).major)).toEqual(positions.map((p) => p.commit));
      expect([...global].sort(comparePositions)).toEqual(global);
    });
  });

  describe('on its own double', () => {
    async function withStore(
      options: Parameters<typeof startEventStoreDbDouble>[0],
      test: (store: EventStoreDbEventStore, double: EventStoreDbDouble) => Promise<void>,
    ): Promise<void> {
      const double = await startEventStoreDbDouble(options);
      const store = EventStoreDbEventStore.fromConnectionString(double.connectionString);
      try {
        await test(store, double);
      } finally {
        await store.close();
        await double.stop();
      }
    }

    it('looks the position up when the server answers a retry without one', () =>
      withStore({ positionOnRetry: false }, async (store) => {
        const events = [event('A'), event('B')];
        const first = await store.append('doc', events, 'no_stream');
        await store.append('doc', [event('C')], 1n);

        expect(await store.append('doc', events, 'no_stream')).toEqual(first);
      }));

    it('cancels the gRPC read when the caller stops iterating', () =>
      withStore({}, async (store, double) => {
        // More than fits in the transport's buffers, so a read left alone would stay open.
        const events = Array.from({ length: 2_000 }, (_, i) => event(`E${i}`, { padding: 'x'.repeat(200) }));
        await store.append('doc', events, 'no_stream');

        for await (const first of store.readStream('doc')) {
          expect(first.type).toBe('E0');
          break;
        }
        for await (const first of store.readAll('start')) {
          expect(first.type).toBe('E0');
          break;
        }

        await eventually(() => expect(double.openReads()).toBe(0));
        expect((await collect(store.readStream('doc', { fromRevision: 1_999n }))).map((e) => e.type)).toEqual(['E1999']);
      }));

    it('ends open subscriptions on close', () =>
      withStore({}, async (store, double) => {
        await store.append('doc', [event('A')], 'no_stream');
        const iterator = store.subscribeToAll('start')[Symbol.asyncIterator]();
        await take(iterator, 1);

        const waiting = iterator.next();
        await store.close();

        await expect(waiting).resolves.toEqual({ done: true, value: undefined });
        await eventually(() => expect(double.openReads()).toBe(0));
      }));
  });

  describe('on the gRPC double, appending with Streams.Append', () => {
    eventStoreContract('EventStoreDbEventStore', () => connectToDouble(false));
    describe('adapter specifics', () => adapterSuite(() => connectToDouble(false)));
  });

  describe('on the gRPC double, appending with Streams.BatchAppend', () => {
    eventStoreContract('EventStoreDbEventStore', () => connectToDouble(true));
    describe('adapter specifics', () => adapterSuite(() => connectToDouble(true)));
  });

  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
  if (connectionString) {
    describe(`on the EventStoreDB server at ${connectionString}`, () => {
      eventStoreContract('EventStoreDbEventStore', () => connectToServer(connectionString));
      describe('adapter specifics', () => adapterSuite(() => connectToServer(connectionString)));
    });
  } else {
    describe.skip('EVENTSTORE_CONNECTION_STRING not set: real EventStoreDB suite skipped', () => {
      it('runs the event store contract and the adapter specifics against that server', () => undefined);
    });
  }
});
