import { Client, Pool } from 'pg';
import type { GlobalPosition } from '@app/event-store';
import { LOCK_CLASS, WANTED_CHANNEL, WantedPayload } from './runner-tables';

/**
 * A dedicated connection that holds session-level advisory locks on a group's projections, so a
 * second projector stays idle until the holder's connection ends (architecture.md §10). It also
 * hears waiters asking for a position (WANTED_CHANNEL).
 */
export class LockSession {
  private lostError: Error | null = null;

  private constructor(private readonly client: Client) {}

  static async open(
    pool: Pool,
    handlers: { onWanted(position: GlobalPosition, timeoutMs: number): void; onLost(error: Error): void },
  ): Promise<LockSession> {
    const client = new Client(pool.options);
    const session = new LockSession(client);
    client.on('notification', (message) => {
      if (message.channel === WANTED_CHANNEL && message.payload) {
        const { position, timeoutMs } = JSON.parse(message.payload) as WantedPayload;
        handlers.onWanted(position, timeoutMs);
      }
    });
    client.on('error', (error) => {
      session.lostError = error;
      handlers.onLost(error);
    });
    client.on('end', () => {
      if (!session.lostError) {
        session.lostError = new Error('The lock connection ended');
        handlers.onLost(session.lostError);
      }
    });
    await client.connect();
    await client.query(`LISTEN ${WANTED_CHANNEL}`);
    return session;
  }

  /** The error that ended the connection (its locks are gone with it), or null. */
  get lost(): Error | null {
    return this.lostError;
  }

  /** Takes every lock or none. */
  async tryAcquire(names: readonly string[]): Promise<boolean> {
    const { rows } = await this.client.query<{ name: string; ok: boolean }>(
      'SELECT name, pg_try_advisory_lock($1, hashtext(name)) AS ok FROM unnest($2::text[]) AS name',
      [LOCK_CLASS.run, names],
    );
    if (rows.every((row) => row.ok)) return true;
    await this.release(rows.filter((row) => row.ok).map((row) => row.name));
    return false;
  }

  private async release(names: readonly string[]): Promise<void> {
    if (names.length === 0 || this.lostError) return;
    await this.client.query('SELECT pg_advisory_unlock($1, hashtext(name)) FROM unnest($2::text[]) AS name', [
      LOCK_CLASS.run,
      names,
    ]);
  }

  async close(): Promise<void> {
    // Closing on purpose is not a loss.
    this.lostError ??= new Error('closed');
    await this.client.end().catch(() => undefined);
  }
}
