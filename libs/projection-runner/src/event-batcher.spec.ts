import type { RecordedEvent } from '@app/event-store';
import { EventBatcher } from './event-batcher';

function event(n: number): RecordedEvent {
  return {
    streamId: `s-${n}`,
    revision: 0n,
    position: String(n).padStart(5, '0'),
    eventId: `e-${n}`,
    type: 'T',
    data: {},
    metadata: {},
    recordedAt: new Date(0),
  };
}

/** A source the test feeds by hand, like a live subscription. */
function manualSource() {
  const queue: RecordedEvent[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  let failure: Error | null = null;
  const source: AsyncIterable<RecordedEvent> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (queue.length > 0) yield queue.shift() as RecordedEvent;
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    source,
    push: (...events: RecordedEvent[]) => {
      queue.push(...events);
      poke();
    },
    end: () => {
      ended = true;
      poke();
    },
    fail: (error: Error) => {
      failure = error;
      poke();
    },
  };
}

const positions = (batch: readonly RecordedEvent[] | null) => batch?.map((e) => Number(e.position)) ?? null;

describe('EventBatcher', () => {
  it('hands out full batches at once, in order', async () => {
    const feed = manualSource();
    const batcher = new EventBatcher(feed.source, { maxSize: 3, windowMs: 10_000 });
    feed.push(...[1, 2, 3, 4, 5, 6, 7].map(event));
    expect(positions(await batcher.next(1_000))).toEqual([1, 2, 3]);
    expect(positions(await batcher.next(1_000))).toEqual([4, 5, 6]);
    feed.end();
    expect(positions(await batcher.next(1_000))).toEqual([7]);
    expect(await batcher.next(1_000)).toBeNull();
  });

  it('hands out a partial batch once the window after its first event has passed', async () => {
    const feed = manualSource();
    const batcher = new EventBatcher(feed.source, { maxSize: 100, windowMs: 30 });
    const started = Date.now();
    const pending = batcher.next(5_000);
    feed.push(event(1));
    setTimeout(() => feed.push(event(2)), 5);
    expect(positions(await pending)).toEqual([1, 2]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    batcher.close();
  });

  it('returns an empty batch when idle, or at once when interrupted', async () => {
    const feed = manualSource();
    const batcher = new EventBatcher(feed.source, { maxSize: 10, windowMs: 10 });
    expect(await batcher.next(20)).toEqual([]);
    const pending = batcher.next(60_000);
    batcher.interrupt();
    expect(await pending).toEqual([]);
    batcher.close();
  });

  it('reads at most two batches ahead', async () => {
    let pulled = 0;
    const source: AsyncIterable<RecordedEvent> = {
      async *[Symbol.asyncIterator]() {
        for (let n = 1; ; n++) {
          pulled = n;
          yield event(n);
        }
      },
    };
    const batcher = new EventBatcher(source, { maxSize: 5, windowMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBe(10);
    expect(positions(await batcher.next(100))).toEqual([1, 2, 3, 4, 5]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBe(15);
    batcher.close();
  });

  it('delivers the events read before a source failure, then throws it', async () => {
    const feed = manualSource();
    const batcher = new EventBatcher(feed.source, { maxSize: 10, windowMs: 5 });
    feed.push(event(1));
    feed.fail(new Error('connection lost'));
    expect(positions(await batcher.next(1_000))).toEqual([1]);
    await expect(batcher.next(1_000)).rejects.toThrow('connection lost');
  });
});
