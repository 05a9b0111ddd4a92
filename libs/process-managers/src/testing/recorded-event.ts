import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** `event` as a manager receives it from `$all`, with `metadata` (a unit spec's stand-in for the store). */
export function recordedEvent(event: DomainEvent, metadata: Record<string, unknown> = {}, recordedAt = new Date()): RecordedEvent {
  return {
    streamId: 'any-1',
    revision: 0n,
    position: '00000000000000000001:00000000000000000001',
    eventId: randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
    recordedAt,
  };
}
