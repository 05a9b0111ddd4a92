import type { GlobalPosition, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import type { SharedPageReads } from './shared-page-reads';
import { WakeSignal } from './wake-signal';

export interface SubscriptionSettings {
  readonly pageSize: number;
  readonly pollIntervalMs: number;
}

/**
 * First wait when events after the cursor could not be read yet (held back by an older open
 * transaction), doubling up to the poll interval: such a transaction usually ends within
 * milliseconds, and may end without an append (so without a notification).
 */
const HELD_BACK_FIRST_DELAY_MS = 2;

/** Where a subscription learns of appends; absent when notifications are off and it only polls. */
export interface WakeSource {
  add(signal: WakeSignal): void;
  remove(signal: WakeSignal): void;
}

/**
 * Catch-up then live over $all, one page in memory at a time. Catching up and staying live are the
 * same loop: read pages after the last position until one comes back short, then wait for an append
 * notification or the poll interval. Reading by position (never by notification payload) is what
 * makes it skip nothing and repeat nothing.
 */
export class PostgresSubscription implements Subscription {
  private readonly signal = new WakeSignal();
  private closed = false;

  constructor(
    private readonly pages: SharedPageReads,
    private readonly from: GlobalPosition | 'start',
    private readonly filter: SubscribeOptions,
    private readonly settings: SubscriptionSettings,
    private readonly wakeSource: WakeSource | null,
    private readonly onClose: (subscription: PostgresSubscription) => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    this.wakeSource?.add(this.signal);
    try {
      let cursor = this.from;
      let heldBackDelay = HELD_BACK_FIRST_DELAY_MS;
      while (!this.closed) {
        this.signal.clear();
        const page = await this.pages.page(cursor, this.filter, this.settings.pageSize).catch((error: unknown) => {
          // A page shared with others can be read after this subscription (and its store) closed.
          if (this.closed) return null;
          throw error;
        });
        if (page === null) return;
        for (const { position, event } of page.entries) {
          if (this.closed) return;
          cursor = position;
          if (event) yield event;
        }
        if (page.entries.length === this.settings.pageSize || this.closed) continue;
        if (await page.eventsAfter()) {
          await this.signal.wait(heldBackDelay);
          heldBackDelay = Math.min(heldBackDelay * 2, this.settings.pollIntervalMs);
        } else {
          heldBackDelay = HELD_BACK_FIRST_DELAY_MS;
          await this.signal.wait(this.settings.pollIntervalMs);
        }
      }
    } finally {
      this.wakeSource?.remove(this.signal);
      await this.unsubscribe();
    }
  }

  async unsubscribe(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signal.wake();
    this.onClose(this);
  }
}
