import { performance } from 'node:perf_hooks';
import type { EventStore, GlobalPosition, Subscription } from '@app/event-store';

export interface Arrival {
  /** performance.now() when the subscription delivered the stream's first event of the watched types. */
  readonly at: number;
  readonly position: GlobalPosition;
}

/**
 * When streams receive their first event of some types, seen by one subscription to $all from the
 * store's last position: one reader for every flow a benchmark follows, instead of one poller each
 * (pollers are load on the machine they measure).
 */
export class StreamArrivals {
  private readonly arrived = new Map<string, Arrival>();
  private readonly waiting = new Map<string, (arrival: Arrival) => void>();
  private readonly following: Promise<void>;

  private constructor(private readonly subscription: Subscription) {
    this.following = this.follow();
  }

  static async follow(store: EventStore, eventTypes: readonly string[]): Promise<StreamArrivals> {
    const from = (await store.lastPosition()) ?? 'start';
    return new StreamArrivals(store.subscribeToAll(from, { eventTypes }));
  }

  /** The stream's arrival (at once if it already arrived), or null after `timeoutMs`. */
  arrival(streamId: string, timeoutMs: number): Promise<Arrival | null> {
    const arrived = this.arrived.get(streamId);
    if (arrived) {
      this.arrived.delete(streamId);
      return Promise.resolve(arrived);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(streamId);
        resolve(null);
      }, timeoutMs);
      this.waiting.set(streamId, (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      });
    });
  }

  async close(): Promise<void> {
    await this.subscription.unsubscribe();
    await this.following;
  }

  private async follow(): Promise<void> {
    for await (const event of this.subscription) {
      if (event.revision !== 0n) continue;
      const arrival = { at: performance.now(), position: event.position };
      const waiter = this.waiting.get(event.streamId);
      if (waiter) {
        this.waiting.delete(event.streamId);
        waiter(arrival);
      } else {
        this.arrived.set(event.streamId, arrival);
      }
    }
  }
}
