import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@app/domain';
import { formatPosition } from '@app/event-store';
import type { JsonObject, RecordedEvent } from '@app/event-store';

/**
 * An in-memory `$all` for projection tests: appending gives each event the next revision of its stream,
 * the next global position and a recording time one second after the previous one.
 */
export class EventLog {
  private readonly revisions = new Map<string, bigint>();
  private readonly recorded: RecordedEvent[] = [];
  private clock = Date.parse('2025-03-03T08:00:00+07:00');

  append(streamId: string, ...events: readonly DomainEvent[]): RecordedEvent[] {
    return events.map((event) => {
      const revision = (this.revisions.get(streamId) ?? -1n) + 1n;
      this.revisions.set(streamId, revision);
      const position = BigInt(this.recorded.length + 1);
      this.clock += 1000;
      const recorded: RecordedEvent = {
        streamId,
        revision,
        position: formatPosition(position, position),
        eventId: randomUUID(),
        type: event.type,
        data: event.data as JsonObject,
        metadata: {},
        recordedAt: new Date(this.clock),
      };
      this.recorded.push(recorded);
      return recorded;
    });
  }

  /** Every event appended so far, in `$all` order. */
  get all(): readonly RecordedEvent[] {
    return [...this.recorded];
  }
}
