import type { AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent, Subscription } from '../event-store.port';
import { toRecordedEvent } from './recorded-event';

/**
 * The port's view of a client catch-up subscription to `$all`. The client starts the gRPC call at once
 * and buffers what arrives; iterating yields the accepted events, and `unsubscribe` (or leaving the
 * loop) cancels the call, which ends the client's stream and so the iteration.
 */
export class EventStoreDbSubscription implements Subscription {
  private stopped = false;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly accepts: (event: RecordedEvent) => boolean,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.stopped) return;
    try {
      for await (const resolved of this.source) {
        // Events the client had already buffered are not delivered once unsubscribed.
        if (this.stopped) return;
        const event = toRecordedEvent(resolved);
        if (this.accepts(event)) yield event;
      }
    } finally {
      await this.unsubscribe();
    }
  }

  async unsubscribe(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.source.unsubscribe();
  }
}
