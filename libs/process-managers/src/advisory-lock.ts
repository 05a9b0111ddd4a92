import { Client, Pool } from 'pg';
import { RUN_LOCK_CLASS } from './process-manager-tables';

/**
 * A dedicated connection holding a session-level advisory lock on one process manager, so that a second
 * instance (another api or projector) stays on standby until the holder's connection ends.
 */
export class AdvisoryLock {
  private lostError: Error | null = null;

  private constructor(private readonly client: Client) {}

  /** `onLost` runs when the connection ends unexpectedly: the lock is gone with it. */
  static async open(pool: Pool, onLost: (error: Error) => void): Promise<AdvisoryLock> {
    const client = new Client(pool.options);
    const lock = new AdvisoryLock(client);
    const lose = (error: Error) => {
      if (lock.lostError) return;
      lock.lostError = error;
      onLost(error);
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('The lock connection ended')));
    await client.connect();
    return lock;
  }

  get lost(): Error | null {
    return this.lostError;
  }

  async tryAcquire(name: string): Promise<boolean> {
    const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [RUN_LOCK_CLASS, name]);
    return rows[0].ok;
  }

  /** Ends the connection, which releases the lock. */
  async close(): Promise<void> {
    // Closing on purpose is not a loss.
    this.lostError ??= new Error('closed');
    await this.client.end().catch(() => undefined);
  }
}
