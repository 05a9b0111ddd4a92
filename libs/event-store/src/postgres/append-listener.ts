import type { Pool, PoolClient } from 'pg';
import { CHANNEL } from './schema';
import type { WakeSignal } from './wake-signal';

/**
 * One LISTEN connection per store, shared by all its subscriptions: every append notification wakes
 * them all. Connects with the first subscriber and reconnects after losing the connection; whatever
 * was announced meanwhile is found by the subscribers' polling and by the wake on reconnect.
 */
export class AppendListener {
  private readonly signals = new Set<WakeSignal>();
  private client: PoolClient | null = null;
  private connecting = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly retryDelayMs: number,
  ) {}

  add(signal: WakeSignal): void {
    this.signals.add(signal);
    if (!this.client && !this.retryTimer) void this.connect();
  }

  remove(signal: WakeSignal): void {
    this.signals.delete(signal);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.client?.release(true);
    this.client = null;
  }

  private async connect(): Promise<void> {
    if (this.connecting || this.closed) return;
    this.connecting = true;
    let client: PoolClient | null = null;
    try {
      client = await this.pool.connect();
      const connected = client;
      connected.on('notification', () => this.wakeAll());
      connected.on('error', () => this.lost(connected));
      connected.on('end', () => this.lost(connected));
      await connected.query(`LISTEN ${CHANNEL}`);
      if (this.closed) {
        connected.release(true);
        return;
      }
      this.client = connected;
      // Notifications sent while not listening are gone; let every subscriber look for itself.
      this.wakeAll();
    } catch {
      client?.release(true);
      this.retryLater();
    } finally {
      this.connecting = false;
    }
  }

  private lost(client: PoolClient): void {
    if (this.client !== client) return;
    this.client = null;
    client.release(true);
    this.wakeAll();
    this.retryLater();
  }

  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryDelayMs);
  }

  private wakeAll(): void {
    for (const signal of this.signals) signal.wake();
  }
}
