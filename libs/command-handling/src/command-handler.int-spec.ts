import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-database';
import { Command, Decider, DomainError } from '@app/domain';
import { EventStore, PostgresEventStore, RecordedEvent, Upcasters, verifyChain } from '@app/event-store';
import { CommandHandler } from './command-handler';

// A counter that can be closed: `Add` is refused while closed, and each event carries the total it leads to,
// so a command decided on an outdated state would store a wrong total.
type CounterCommand = Command<'Add', object> | Command<'Close', object> | Command<'Reopen', object>;
type CounterEvent = { type: 'Added'; data: { total: number } } | { type: 'Closed'; data: object } | { type: 'Reopened'; data: object };
interface CounterState {
  readonly total: number;
  readonly closed: boolean;
}

const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: () => ({ total: 0, closed: false }),
  evolve: (state, event) => {
    if (event.type === 'Added') return { ...state, total: event.data.total };
    return { ...state, closed: event.type === 'Closed' };
  },
  decide: (command, state) => {
    if (command.type === 'Close') return state.closed ? [] : [{ type: 'Closed', data: {} }];
    if (command.type === 'Reopen') return state.closed ? [{ type: 'Reopened', data: {} }] : [];
    if (state.closed) throw new DomainError('INVALID_TRANSITION', 'The counter is closed');
    return [{ type: 'Added', data: { total: state.total + 1 } }];
  },
};

const context = { actor: { username: 'tester', fullName: 'Người kiểm thử', agencyCode: '000.00.00.H41', unitId: null, roles: ['CLERK' as const] }, now: '2026-12-05T09:00:00+07:00' };

/** The store, counting the stream reads and the appends that go through it. */
function countingStore(store: EventStore): { store: EventStore; reads: () => number; appends: () => number } {
  let reads = 0;
  let appends = 0;
  const counted = Object.create(store) as EventStore;
  counted.readStream = (...args) => {
    reads++;
    return store.readStream(...args);
  };
  counted.append = (...args) => {
    appends++;
    return store.append(...args);
  };
  return { store: counted, reads: () => reads, appends: () => appends };
}

describe('CommandHandler keeping the state a command left', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('command_handler');
    store = new PostgresEventStore(db.url);
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const run = (handler: CommandHandler, streamId: string, type: CounterCommand['type'], commandId: string = randomUUID()) =>
    handler.handle({ streamId, decider: counter, command: { type, data: {}, context }, envelope: { commandId } });

  /** Two handlers (as two processes would have) writing one new stream. */
  const twoWriters = () => ({
    mine: new CommandHandler(store, new Upcasters()),
    other: new CommandHandler(store, new Upcasters()),
    streamId: `counter-${randomUUID()}`,
  });

  async function stored(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) events.push(event);
    return events;
  }

  it('decides the next command on that state without reading the stream, and chains it correctly', async () => {
    const { store: counted, reads } = countingStore(store);
    const handler = new CommandHandler(counted, new Upcasters());
    const streamId = `counter-${randomUUID()}`;

    await run(handler, streamId, 'Add');
    const readsAfterFirst = reads();
    await run(handler, streamId, 'Add');
    const third = await run(handler, streamId, 'Add');

    expect(readsAfterFirst).toBe(1);
    expect(reads()).toBe(1);
    expect(third.revision).toBe(2n);
    const events = await stored(streamId);
    expect(events.map((e) => e.data)).toEqual([{ total: 1 }, { total: 2 }, { total: 3 }]);
    expect(verifyChain(events).valid).toBe(true);
  });

  it('takes commands sent at once on one stream in turn: each appended once, none refused and decided again', async () => {
    const { store: counted, reads, appends } = countingStore(store);
    const handler = new CommandHandler(counted, new Upcasters());
    const streamId = `counter-${randomUUID()}`;

    const results = await Promise.all(Array.from({ length: 12 }, () => run(handler, streamId, 'Add')));

    expect(appends()).toBe(12);
    expect(reads()).toBe(1);
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i)));
    const events = await stored(streamId);
    expect(events.map((e) => e.data)).toEqual(Array.from({ length: 12 }, (_, i) => ({ total: i + 1 })));
    expect(verifyChain(events).valid).toBe(true);
  });

  it('decides again on a fresh read when another writer appended in between', async () => {
    const { mine, other, streamId } = twoWriters();

    await run(mine, streamId, 'Add');
    await run(other, streamId, 'Add');
    const result = await run(mine, streamId, 'Add');

    expect(result.revision).toBe(2n);
    const events = await stored(streamId);
    expect(events.map((e) => e.data)).toEqual([{ total: 1 }, { total: 2 }, { total: 3 }]);
    expect(verifyChain(events).valid).toBe(true);
  });

  it('never refuses on the kept state: the refusal or acceptance is the stream as stored', async () => {
    const { mine, other, streamId } = twoWriters();

    await run(mine, streamId, 'Add');
    await run(mine, streamId, 'Close');
    await run(other, streamId, 'Reopen');
    const accepted = await run(mine, streamId, 'Add');
    await run(other, streamId, 'Close');
    const refused = run(mine, streamId, 'Add');

    expect(accepted.events).toEqual([{ type: 'Added', data: { total: 2 } }]);
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await stored(streamId)).map((e) => e.type)).toEqual(['Added', 'Closed', 'Reopened', 'Added', 'Closed']);
  });

  it('does nothing only when the stream as stored leaves nothing to do', async () => {
    const { mine, other, streamId } = twoWriters();

    await run(mine, streamId, 'Close');
    await run(other, streamId, 'Reopen');
    const closeAgain = await run(mine, streamId, 'Close');
    const closeOnceMore = await run(mine, streamId, 'Close');

    expect(closeAgain).toMatchObject({ revision: 2n, events: [{ type: 'Closed', data: {} }] });
    expect(closeOnceMore).toMatchObject({ revision: 2n, events: [] });
    expect((await stored(streamId)).map((e) => e.type)).toEqual(['Closed', 'Reopened', 'Closed']);
  });

  it('appends nothing for a retried command whose events it kept', async () => {
    const handler = new CommandHandler(store, new Upcasters());
    const streamId = `counter-${randomUUID()}`;
    const commandId = randomUUID();

    const first = await run(handler, streamId, 'Add', commandId);
    const retry = await run(handler, streamId, 'Add', commandId);

    expect(retry).toMatchObject({ revision: first.revision, position: first.position, events: [] });
    expect(await stored(streamId)).toHaveLength(1);
  });

  it('reads every stream afresh with recentStreams 0', async () => {
    const { store: counted, reads } = countingStore(store);
    const handler = new CommandHandler(counted, new Upcasters(), { recentStreams: 0 });
    const streamId = `counter-${randomUUID()}`;

    await run(handler, streamId, 'Add');
    await run(handler, streamId, 'Add');

    expect(reads()).toBe(2);
  });
});
