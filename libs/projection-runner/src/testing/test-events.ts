import { randomUUID } from 'node:crypto';
import type { EventStore, GlobalPosition, NewEvent } from '@app/event-store';
import { TEST_EVENT } from './test-register-projection';

export interface TestEventsOptions {
  /** Documents; each gets one stream `doc-<prefix><i>`. */
  readonly streams: number;
  /** One Registered then Amended events (at least 1). */
  readonly eventsPerStream: number;
  /** One unrelated event (handled by no test projection) after every this many documents. */
  readonly unrelatedEvery?: number;
  readonly prefix?: string;
  /** Appends in flight at once, so streams interleave in `$all`. */
  readonly concurrency?: number;
}

/**
 * Appends register-like test events and returns the position of the last one. (Not headPosition():
 * the visible head can lag behind committed events while any older transaction is still open.)
 */
export async function appendTestEvents(store: EventStore, options: TestEventsOptions): Promise<GlobalPosition> {
  const prefix = options.prefix ?? '';
  let last: GlobalPosition = '';
  const keep = ({ position }: { position: GlobalPosition }) => {
    if (position > last) last = position;
  };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < options.streams; i = next++) {
      keep(await store.append(`doc-${prefix}${i}`, documentEvents(i, options.eventsPerStream), 'no_stream'));
      if (options.unrelatedEvery && i % options.unrelatedEvery === 0) {
        keep(await store.append(`other-${prefix}${i}`, [testEvent(TEST_EVENT.unrelated, { index: i })], 'no_stream'));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  if (last === '') throw new Error('Nothing was appended');
  return last;
}

export function documentEvents(index: number, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, revision) =>
    revision === 0
      ? testEvent(TEST_EVENT.registered, { number: index + 1, title: `Văn bản ${index}` })
      : testEvent(TEST_EVENT.amended, { title: `Văn bản ${index}, sửa đổi ${revision}` }),
  );
}

export function testEvent(type: string, data: Record<string, unknown>): NewEvent {
  return { eventId: randomUUID(), type, data, metadata: { occurredAt: '2025-01-02T09:00:00+07:00' } };
}
