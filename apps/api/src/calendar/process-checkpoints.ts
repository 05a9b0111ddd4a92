import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { GlobalPosition } from '@app/event-store';
import { PG_POOL } from '../runtime/tokens';

/**
 * Where process managers keep their place in `$all` (architecture.md §3: "with their own checkpoint"), apart from
 * the projections' checkpoints since a process manager's work is commands in the event store, not rows. Positions
 * compare as plain strings (fixed width), hence the "C" collation; a checkpoint only moves forward, so several
 * api instances running the same idempotent process manager never move it back.
 */
@Injectable()
export class ProcessCheckpoints {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async ensureTable(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Two instances starting together would otherwise race on CREATE … IF NOT EXISTS.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('process_manager.setup'))`);
      await client.query('CREATE SCHEMA IF NOT EXISTS process_manager');
      await client.query(
        `CREATE TABLE IF NOT EXISTS process_manager.checkpoints (
           name text PRIMARY KEY,
           position text COLLATE "C" NOT NULL,
           updated_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async read(name: string): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query<{ position: string }>('SELECT position FROM process_manager.checkpoints WHERE name = $1', [name]);
    return rows[0]?.position ?? null;
  }

  async write(name: string, position: GlobalPosition): Promise<void> {
    await this.pool.query(
      `INSERT INTO process_manager.checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()
       WHERE checkpoints.position < EXCLUDED.position`,
      [name, position],
    );
  }
}
