import type { Pool } from 'pg';
import { CHANNEL } from './schema';

/** Under a stream of appends, one NOTIFY per this many milliseconds covers them all. */
const MIN_INTERVAL_MS = 5;

/**
 * Tells LISTENing subscribers (in any process) that appends have committed. NOTIFY is sent after the
 * append's commit, not inside its transaction: a notifying transaction holds a database-wide lock
 * through its commit, which would serialise all concurrent appends. One NOTIFY is in flight at a
 * time; appends that commit meanwhile are covered by one more, sent shortly after it. A NOTIFY lost
 * to a crash or a connection error is made up for by the subscribers' polling.
 */
export class AppendAnnouncer {
  private inFlight: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly pool: Pool) {}

  announce(): void {
    if (this.closed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.inFlight;
  }

  private async send(): Promise<void> {
    for (;;) {
      this.again = false;
      try {
        await this.pool.query(`NOTIFY ${CHANNEL}`);
      } catch {
        // Subscribers find the events by polling; nothing to retry here.
      }
      if (!this.again || this.closed) break;
      await new Promise((resolve) => setTimeout(resolve, MIN_INTERVAL_MS));
    }
    this.inFlight = null;
  }
}
