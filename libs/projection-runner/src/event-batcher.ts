import type { RecordedEvent } from '@app/event-store';
import { toError } from './errors';

export interface BatchingOptions {
  /** A batch is handed out as soon as this many events are buffered … */
  readonly maxSize: number;
  /** … or this long after its first event arrived, whichever comes first. */
  readonly windowMs: number;
}

/**
 * Pulls events from a subscription in the background and hands them out in batches. Reading ahead
 * (up to two batches) overlaps fetching the next batch with applying the current one.
 */
export class EventBatcher {
  private readonly buffer: RecordedEvent[] = [];
  private batchStartedAt = 0;
  private ended = false;
  private closed = false;
  private failure: Error | null = null;
  private wakeConsumer: (() => void) | null = null;
  private resumePump: (() => void) | null = null;

  constructor(
    source: AsyncIterable<RecordedEvent>,
    private readonly options: BatchingOptions,
  ) {
    void this.pump(source);
  }

  /**
   * The next batch; `[]` when nothing arrived within `idleMs` (or `interrupt()` was called), `null`
   * once the source has ended. A source failure is thrown after the events read before it.
   */
  async next(idleMs: number): Promise<RecordedEvent[] | null> {
    const { maxSize, windowMs } = this.options;
    if (this.buffer.length === 0 && !this.ended) await this.wait(idleMs);
    if (this.buffer.length === 0) {
      if (this.failure) throw this.failure;
      return this.ended ? null : [];
    }
    while (this.buffer.length < maxSize && !this.ended) {
      const left = this.batchStartedAt + windowMs - Date.now();
      if (left <= 0) break;
      await this.wait(left);
    }
    const batch = this.buffer.splice(0, maxSize);
    this.batchStartedAt = Date.now();
    this.resume();
    return batch;
  }

  /** Ends a pending idle wait early. */
  interrupt(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = null;
    wake?.();
  }

  /** Stops reading; the source's iterator is returned (closed) at its next event. */
  close(): void {
    this.closed = true;
    this.resume();
    this.interrupt();
  }

  private async pump(source: AsyncIterable<RecordedEvent>): Promise<void> {
    const { maxSize } = this.options;
    try {
      for await (const event of source) {
        if (this.closed) break;
        this.buffer.push(event);
        if (this.buffer.length === 1) {
          this.batchStartedAt = Date.now();
          this.interrupt();
        } else if (this.buffer.length === maxSize) {
          this.interrupt();
        }
        while (this.buffer.length >= 2 * maxSize && !this.closed) {
          await new Promise<void>((resolve) => (this.resumePump = resolve));
        }
      }
    } catch (error) {
      this.failure = toError(error);
    } finally {
      this.ended = true;
      this.interrupt();
    }
  }

  private resume(): void {
    const resume = this.resumePump;
    this.resumePump = null;
    resume?.();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.interrupt(), ms);
      this.wakeConsumer = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
