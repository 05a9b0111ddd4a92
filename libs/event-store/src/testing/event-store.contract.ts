import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  comparePositions,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';

/** What an adapter's setup gives the contract suite. */
export interface EventStoreContractSetup {
  readonly store: EventStore;
  teardown(): Promise<void>;
  /**
   * Appends like `store.append`, but holds its transaction open for `delayMs` after writing, so
   * appends started later commit first. Only for stores where that can happen (PostgreSQL); the
   * stress case then also proves that readers never skip such a late commit.
   */
  appendSlowly?(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, delayMs: number): Promise<AppendResult>;
}

export interface EventStoreContractOptions {
  /** Concurrent writers, appends per writer, and how many times to run the stress case (16 × 25, once). */
  readonly stress?: { readonly writers?: number; readonly appendsPerWriter?: number; readonly rounds?: number };
  /** How long an event may take to become readable or reach a subscriber (10 s). */
  readonly timeoutMs?: number;
}

/**
 * The behaviour every EventStore adapter must have (architecture.md §4). Each test works in streams
 * of its own (a random prefix) and reads `$all` from the head it found, filtered by that prefix, so the
 * suite also runs against a store shared with other tests or a long-lived server.
 */
export function eventStoreContract(
  name: string,
  setup: () => Promise<EventStoreContractSetup>,
  options: EventStoreContractOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const writers = options.stress?.writers ?? 16;
  const appendsPerWriter = options.stress?.appendsPerWriter ?? 25;
  const rounds = options.stress?.rounds ?? 1;

  describe(`${name} (event store contract)`, () => {
    let fixture: EventStoreContractSetup;
    let store: EventStore;
    let prefix: string;
    let origin: GlobalPosition | 'start';
    let subscriptions: Subscription[];

    beforeAll(async () => {
      fixture = await setup();
      store = fixture.store;
    });
    afterAll(() => fixture?.teardown());
    beforeEach(async () => {
      prefix = `contract-${randomUUID()}-`;
      origin = (await store.headPosition()) ?? 'start';
      subscriptions = [];
    });
    afterEach(() => Promise.all(subscriptions.map((subscription) => subscription.unsubscribe())));

    const subscribe = (from: GlobalPosition | 'start', filter: SubscribeOptions = {}): AsyncIterator<RecordedEvent> => {
      const subscription = store.subscribeToAll(from, { streamPrefixes: [prefix], ...filter });
      subscriptions.push(subscription);
      return subscription[Symbol.asyncIterator]();
    };
    const ours = (filter: ReadAllOptions = {}): ReadAllOptions => ({ streamPrefixes: [prefix], ...filter });
    /** $all after `from`, once at least `count` events are readable. */
    const readAllWhenVisible = (count: number, from: GlobalPosition | 'start' = origin, filter: ReadAllOptions = ours()) =>
      eventually(() => collect(store.readAll(from, filter)), (events) => events.length >= count, timeoutMs);

    describe('append', () => {
      it('creates a stream with no_stream and stores ids, types, data and metadata', async () => {
        const stream = `${prefix}document`;
        const events = [
          event('DocumentReceived', { subject: 'Công văn số 12/UBND-VP', pages: 3, tags: ['khẩn'], sender: { code: '000.00.01.H01' } }),
          event('DocumentRegistered', { number: 12, at: '2025-03-04T08:00:00+07:00' }),
        ];
        const before = Date.now();

        const result = await store.append(stream, events, 'no_stream');

        expect(result.nextRevision).toBe(1n);
        const read = await collect(store.readStream(stream));
        expect(read.map(({ streamId, revision, eventId, type, data, metadata }) => ({ streamId, revision, eventId, type, data, metadata }))).toEqual(
          events.map((e, i) => ({ streamId: stream, revision: BigInt(i), eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata })),
        );
        expect(read[1].position).toBe(result.position);
        expect(comparePositions(read[0].position, read[1].position)).toBeLessThan(0);
        for (const recorded of read) {
          expect(recorded.recordedAt).toBeInstanceOf(Date);
          expect(Math.abs(recorded.recordedAt.getTime() - before)).toBeLessThan(60_000);
        }
      });

      it('continues a stream at its exact revision, with any, and with stream_exists', async () => {
        const stream = `${prefix}document`;
        await store.append(stream, [event('A')], 'no_stream');

        expect((await store.append(stream, [event('B'), event('C')], 0n)).nextRevision).toBe(2n);
        expect((await store.append(stream, [event('D')], 'any')).nextRevision).toBe(3n);
        expect((await store.append(stream, [event('E')], 'stream_exists')).nextRevision).toBe(4n);
        expect((await store.append(`${prefix}new`, [event('A')], 'any')).nextRevision).toBe(0n);
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
      });

      it.each<[string, ExpectedRevision, bigint]>([
        ['no_stream on an existing stream', 'no_stream', 1n],
        ['a stale revision', 0n, 1n],
        ['a revision ahead of the stream', 5n, 1n],
      ])('rejects %s with the actual revision and appends nothing', async (_case, expected, actual) => {
        const stream = `${prefix}document`;
        await store.append(stream, [event('A'), event('B')], 'no_stream');

        const rejection = store.append(stream, [event('C')], expected);

        await expect(rejection).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(rejection).rejects.toMatchObject({ streamId: stream, expected, actual });
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it.each<[string, ExpectedRevision]>([
        ['stream_exists', 'stream_exists'],
        ['an exact revision', 0n],
      ])('rejects %s on a missing stream with actual -1 and creates nothing', async (_case, expected) => {
        const stream = `${prefix}missing`;

        await expect(store.append(stream, [event('A')], expected)).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError',
          streamId: stream,
          expected,
          actual: -1n,
        });
        expect(await collect(store.readStream(stream))).toEqual([]);
      });

      it('lets exactly one of concurrent appends at the same revision win', async () => {
        const stream = `${prefix}document`;
        await store.append(stream, [event('Created')], 'no_stream');

        const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.append(stream, [event(`Decided${i}`)], 0n)));

        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 1n });
        }
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('answers a retried append (same event ids, same expected revision) with the original result', async () => {
        const stream = `${prefix}document`;
        const created = [event('Created')];
        const first = await store.append(stream, created, 'no_stream');
        const decided = [event('Assigned'), event('Forwarded')];
        const second = await store.append(stream, decided, 0n);
        await store.append(stream, [event('Completed')], 2n);

        expect(await store.append(stream, created, 'no_stream')).toEqual(first);
        expect(await store.append(stream, decided, 0n)).toEqual(second);
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['Created', 'Assigned', 'Forwarded', 'Completed']);
      });

      it('refuses an empty append and a negative expected revision', async () => {
        await expect(store.append(`${prefix}document`, [], 'any')).rejects.toBeInstanceOf(RangeError);
        await expect(store.append(`${prefix}document`, [event('A')], -1n)).rejects.toBeInstanceOf(RangeError);
      });
    });

    describe('readStream', () => {
      let stream: string;
      const types = async (options?: Parameters<EventStore['readStream']>[1]) =>
        (await collect(store.readStream(stream, options))).map((e) => e.type);

      beforeEach(async () => {
        stream = `${prefix}document`;
        await store.append(stream, ['E0', 'E1', 'E2'].map((type) => event(type)), 'no_stream');
        await store.append(stream, [event('E3')], 2n);
      });

      it('reads forwards and backwards, from an inclusive revision, up to a count', async () => {
        expect(await types()).toEqual(['E0', 'E1', 'E2', 'E3']);
        expect(await types({ direction: 'backwards' })).toEqual(['E3', 'E2', 'E1', 'E0']);
        expect(await types({ fromRevision: 1n })).toEqual(['E1', 'E2', 'E3']);
        expect(await types({ fromRevision: 1n, maxCount: 2 })).toEqual(['E1', 'E2']);
        expect(await types({ direction: 'backwards', fromRevision: 2n })).toEqual(['E2', 'E1', 'E0']);
        expect(await types({ direction: 'backwards', fromRevision: 2n, maxCount: 2 })).toEqual(['E2', 'E1']);
        expect(await types({ fromRevision: 9n })).toEqual([]);
        expect(await types({ maxCount: 0 })).toEqual([]);
      });

      it('yields nothing for a stream that does not exist', async () => {
        expect(await collect(store.readStream(`${prefix}missing`))).toEqual([]);
        expect(await collect(store.readStream(`${prefix}missing`, { direction: 'backwards' }))).toEqual([]);
      });

      it('reads a long stream whole, in revision order', async () => {
        const long = `${prefix}long`;
        for (let batch = 0; batch < 5; batch++) {
          const events = Array.from({ length: 20 }, (_, i) => event(`E${batch * 20 + i}`));
          await store.append(long, events, batch === 0 ? 'no_stream' : BigInt(batch * 20 - 1));
        }

        const forwards = await collect(store.readStream(long));
        const backwards = await collect(store.readStream(long, { direction: 'backwards' }));

        expect(forwards.map((e) => e.revision)).toEqual(Array.from({ length: 100 }, (_, i) => BigInt(i)));
        expect(backwards.map((e) => e.eventId)).toEqual(forwards.map((e) => e.eventId).reverse());
      });
    });

    describe('readAll', () => {
      it('reads the appends of several streams in append order, at strictly increasing positions', async () => {
        const results = [
          await store.append(`${prefix}a`, [event('A1'), event('A2')], 'no_stream'),
          await store.append(`${prefix}b`, [event('B1')], 'no_stream'),
          await store.append(`${prefix}a`, [event('A3')], 1n),
          await store.append(`${prefix}c`, [event('C1'), event('C2')], 'no_stream'),
        ];

        const all = await readAllWhenVisible(6);

        expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3', 'C1', 'C2']);
        expectStrictlyIncreasing(all.map((e) => e.position));
        expect([all[1], all[2], all[3], all[5]].map((e) => e.position)).toEqual(results.map((r) => r.position));
        expect(all.map((e) => e.revision)).toEqual([0n, 1n, 0n, 2n, 0n, 1n]);
      });

      it('resumes after a checkpoint, exclusive, up to a count', async () => {
        await store.append(`${prefix}a`, ['A1', 'A2', 'A3', 'A4'].map((type) => event(type)), 'no_stream');
        const all = await readAllWhenVisible(4);

        expect((await collect(store.readAll(all[1].position, ours()))).map((e) => e.type)).toEqual(['A3', 'A4']);
        expect((await collect(store.readAll(all[1].position, ours({ maxCount: 1 })))).map((e) => e.type)).toEqual(['A3']);
        expect(await collect(store.readAll(all[3].position, ours()))).toEqual([]);
      });

      it('reads backwards from the head, or before a position (exclusive)', async () => {
        await store.append(`${prefix}a`, ['A1', 'A2', 'A3'].map((type) => event(type)), 'no_stream');
        const all = await readAllWhenVisible(3);

        const fromHead = await collect(store.readAll('start', ours({ direction: 'backwards', maxCount: 2 })));
        const beforeLast = await collect(store.readAll(all[2].position, ours({ direction: 'backwards' })));

        expect(fromHead.map((e) => e.type)).toEqual(['A3', 'A2']);
        expect(beforeLast.map((e) => e.type)).toEqual(['A2', 'A1']);
      });

      it('filters by event type and by stream prefix', async () => {
        await store.append(`${prefix}document-1`, [event('Received'), event('Registered')], 'no_stream');
        await store.append(`${prefix}task-1`, [event('Received'), event('Assigned')], 'no_stream');
        await store.append(`${prefix}document-2`, [event('Assigned')], 'no_stream');
        await readAllWhenVisible(5);

        const byType = await collect(store.readAll(origin, ours({ eventTypes: ['Received', 'Assigned'] })));
        const byPrefix = await collect(store.readAll(origin, { streamPrefixes: [`${prefix}document-`] }));
        const both = await collect(store.readAll(origin, { streamPrefixes: [`${prefix}task-`], eventTypes: ['Assigned'] }));
        const nothing = await collect(store.readAll(origin, ours({ eventTypes: ['Archived'] })));

        const label = (e: RecordedEvent) => `${e.streamId.slice(prefix.length)}/${e.type}`;
        expect(byType.map(label)).toEqual(['document-1/Received', 'task-1/Received', 'task-1/Assigned', 'document-2/Assigned']);
        expect(byPrefix.map(label)).toEqual(['document-1/Received', 'document-1/Registered', 'document-2/Assigned']);
        expect(both.map(label)).toEqual(['task-1/Assigned']);
        expect(nothing).toEqual([]);
      });

      it('reports a last position at or after the last append at once, and a head that reaches it', async () => {
        const { position } = await store.append(`${prefix}a`, [event('A1'), event('A2')], 'no_stream');

        // Other writers may share the store: at or after the append, never before it.
        expect(comparePositions((await store.lastPosition()) as GlobalPosition, position)).toBeGreaterThanOrEqual(0);
        await eventually(() => store.headPosition(), (h) => h !== null && comparePositions(h, position) >= 0, timeoutMs);
      });

      it('reports a head position at or after the last append', async () => {
        const { position } = await store.append(`${prefix}a`, [event('A1'), event('A2')], 'no_stream');

        const head = await eventually(() => store.headPosition(), (h) => h !== null && comparePositions(h, position) >= 0, timeoutMs);

        expect(comparePositions(head as GlobalPosition, position)).toBeGreaterThanOrEqual(0);
        if (origin !== 'start') expect(comparePositions(head as GlobalPosition, origin)).toBeGreaterThan(0);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, then delivers live appends', async () => {
        await store.append(`${prefix}a`, [event('A1'), event('A2')], 'no_stream');
        const iterator = subscribe(origin);

        const caughtUp = await take(iterator, 2, timeoutMs);
        await store.append(`${prefix}b`, [event('B1')], 'no_stream');
        await store.append(`${prefix}a`, [event('A3')], 1n);
        const live = await take(iterator, 2, timeoutMs);

        expect([...caughtUp, ...live].map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
        expectStrictlyIncreasing([...caughtUp, ...live].map((e) => e.position));
        expect(live[1]).toEqual((await collect(store.readStream(`${prefix}a`, { fromRevision: 2n })))[0]);
      });

      it('resumes after a checkpoint, exclusive', async () => {
        await store.append(`${prefix}a`, ['A1', 'A2', 'A3'].map((type) => event(type)), 'no_stream');
        const all = await readAllWhenVisible(3);

        const iterator = subscribe(all[1].position);

        expect((await take(iterator, 1, timeoutMs)).map((e) => e.type)).toEqual(['A3']);
        await store.append(`${prefix}a`, [event('A4')], 2n);
        expect((await take(iterator, 1, timeoutMs)).map((e) => e.type)).toEqual(['A4']);
      });

      it('filters by event type and stream prefix, on catch-up and live', async () => {
        await store.append(`${prefix}document-1`, [event('Kept'), event('Dropped')], 'no_stream');
        await store.append(`${prefix}task-1`, [event('Kept')], 'no_stream');
        const byType = subscribe(origin, { eventTypes: ['Kept'] });
        const byPrefix = subscribe(origin, { streamPrefixes: [`${prefix}task-`] });

        const typeCatchUp = await take(byType, 2, timeoutMs);
        const prefixCatchUp = await take(byPrefix, 1, timeoutMs);
        await store.append(`${prefix}document-1`, [event('Dropped'), event('Kept')], 1n);
        await store.append(`${prefix}task-1`, [event('Dropped')], 0n);
        const typeLive = await take(byType, 1, timeoutMs);
        const prefixLive = await take(byPrefix, 1, timeoutMs);

        const label = (e: RecordedEvent) => `${e.streamId.slice(prefix.length)}/${e.revision}`;
        expect([...typeCatchUp, ...typeLive].map(label)).toEqual(['document-1/0', 'task-1/0', 'document-1/3']);
        expect([...prefixCatchUp, ...prefixLive].map(label)).toEqual(['task-1/0', 'task-1/1']);
      });

      it('delivers the same events to every subscriber', async () => {
        const first = subscribe(origin);
        const second = subscribe(origin);
        const ids = [event('A'), event('B'), event('C')];
        await store.append(`${prefix}a`, ids.slice(0, 2), 'no_stream');
        await store.append(`${prefix}b`, ids.slice(2), 'no_stream');

        const expected = ids.map((e) => e.eventId);
        expect((await take(first, 3, timeoutMs)).map((e) => e.eventId)).toEqual(expected);
        expect((await take(second, 3, timeoutMs)).map((e) => e.eventId)).toEqual(expected);
      });

      it('ends the iteration on unsubscribe, also while waiting for an event', async () => {
        await store.append(`${prefix}a`, [event('A1')], 'no_stream');
        const subscription = store.subscribeToAll(origin, ours());
        subscriptions.push(subscription);
        const iterator = subscription[Symbol.asyncIterator]();
        await take(iterator, 1, timeoutMs);

        const waiting = iterator.next();
        await subscription.unsubscribe();

        await expect(waiting).resolves.toMatchObject({ done: true });
      });

      it('ends when the caller leaves its loop', async () => {
        await store.append(`${prefix}a`, [event('A1'), event('A2')], 'no_stream');
        const subscription = store.subscribeToAll(origin, ours());
        subscriptions.push(subscription);
        const seen: string[] = [];

        for await (const recorded of subscription) {
          seen.push(recorded.type);
          break;
        }

        expect(seen).toEqual(['A1']);
      });
    });

    describe('under concurrent appends', () => {
      for (let round = 1; round <= rounds; round++) {
        it(`delivers every event exactly once, in position order (round ${round} of ${rounds})`, async () => {
          const hot = `${prefix}hot`;
          // Each writer appends to a stream of its own at exact revisions, and every fourth time to a
          // shared stream with `any`; 1 to 3 events per append.
          const writerBatches = Array.from({ length: writers }, (_, w) =>
            Array.from({ length: appendsPerWriter }, (_, i) => Array.from({ length: 1 + ((w + i) % 3) }, (_, k) => event(`W${w}A${i}E${k}`))),
          );
          // Late committers write first and commit last, while the writers commit around them.
          const appendSlowly = fixture.appendSlowly;
          const lateBatches = appendSlowly
            ? Array.from({ length: 4 }, (_, l) => Array.from({ length: 3 }, (_, i) => [event(`L${l}A${i}E0`), event(`L${l}A${i}E1`)]))
            : [];
          const expectedIds = [...writerBatches, ...lateBatches].flat(2).map((e) => e.eventId);

          const subscriber = subscribe(origin);
          const delivering = takeUntil(subscriber, (events) => events.length >= expectedIds.length, timeoutMs * 3);
          const polling = pollAll(expectedIds.length);
          await Promise.all([
            ...writerBatches.map(async (batches, w) => {
              let next: ExpectedRevision = 'no_stream';
              for (const [i, events] of batches.entries()) {
                if (i % 4 === 3) await store.append(hot, events, 'any');
                else next = (await store.append(`${prefix}writer-${w}`, events, next)).nextRevision;
              }
            }),
            ...lateBatches.map(async (batches, l) => {
              for (const [i, events] of batches.entries()) {
                const expected = i === 0 ? 'no_stream' : BigInt(i * 2 - 1);
                await appendSlowly?.(`${prefix}late-${l}`, events, expected, 50 + ((l * 37 + i * 61) % 200));
              }
            }),
          ]);
          const delivered = await delivering;
          const polled = await polling;
          const readBack = await readAllWhenVisible(expectedIds.length);

          const sortedIds = [...expectedIds].sort();
          for (const received of [delivered, polled, readBack]) {
            expect(received.map((e) => e.eventId).sort()).toEqual(sortedIds);
            expectStrictlyIncreasing(received.map((e) => e.position));
          }
          expect(delivered.map((e) => e.eventId)).toEqual(readBack.map((e) => e.eventId));
          expect(polled.map((e) => e.eventId)).toEqual(readBack.map((e) => e.eventId));
          const hotRevisions = delivered.filter((e) => e.streamId === hot).map((e) => e.revision);
          expect(hotRevisions).toEqual(hotRevisions.map((_, i) => BigInt(i)));
          // Nothing arrives twice after the last event either.
          expect(await takeUntil(subscriber, (events) => events.length > 0, 300)).toEqual([]);
        });
      }

      /** Polls readAll from its last position, as a catching-up projection would, until `count` events. */
      async function pollAll(count: number): Promise<RecordedEvent[]> {
        const read: RecordedEvent[] = [];
        const deadline = Date.now() + timeoutMs * 3;
        while (read.length < count && Date.now() < deadline) {
          const page = await collect(store.readAll(read.length > 0 ? read[read.length - 1].position : origin, ours()));
          read.push(...page);
          if (page.length === 0) await sleep(5);
        }
        return read;
      }
    });
  });
}

function event(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { eventId: randomUUID(), type, data, metadata: { correlationId: randomUUID(), schemaVersion: 1 } };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function expectStrictlyIncreasing(positions: readonly GlobalPosition[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (comparePositions(positions[i - 1], positions[i]) >= 0) {
      throw new Error(`positions not strictly increasing at ${i}: ${positions[i - 1]} then ${positions[i]}`);
    }
  }
}

/**
 * Reads until `done` holds or the time is up, then returns the last result. Some stores make an
 * append readable in $all only once older transactions anywhere on the server have ended.
 */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(10);
  }
}

/** The next `count` events of a subscription, failing after `timeoutMs` rather than hanging the run. */
async function take(iterator: AsyncIterator<RecordedEvent>, count: number, timeoutMs: number): Promise<RecordedEvent[]> {
  const taken = await takeUntil(iterator, (events) => events.length >= count, timeoutMs);
  if (taken.length < count) throw new Error(`received ${taken.length} of ${count} events within ${timeoutMs} ms`);
  return taken;
}

/** Events from a subscription until `done` holds, the subscription ends, or the time is up. */
async function takeUntil(
  iterator: AsyncIterator<RecordedEvent>,
  done: (events: readonly RecordedEvent[]) => boolean,
  timeoutMs: number,
): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    while (!done(taken)) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next === 'timeout' || next.done) break;
      taken.push(next.value);
    }
    return taken;
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
