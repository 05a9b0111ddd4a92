import type { Pool } from 'pg';
import type { GlobalPosition } from '@app/event-store';

/** The runtime's tables live in schema `process_manager`, apart from the read models and the projections' checkpoints. */
export const CHECKPOINTS_TABLE = 'process_manager.checkpoints';
export const REFUSALS_TABLE = 'process_manager.refusals';

/** Advisory lock class of a running manager (first key of the two-key form; the second is hashtext(name)). */
export const RUN_LOCK_CLASS = 0x706d0001;

/** Setup takes turns with anyone else creating these tables (the calendar's recompute creates the checkpoints too). */
const SETUP_LOCK = `SELECT pg_advisory_xact_lock(hashtext('process_manager.setup'))`;

const DDL = [
  'CREATE SCHEMA IF NOT EXISTS process_manager',
  // Shared by every process manager of the system, in the same shape whoever creates it first: a row per manager,
  // absent until its first event, positions compared byte-wise.
  `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (
     name text PRIMARY KEY,
     position text COLLATE "C" NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now())`,
  // Commands the domain refused: never retried (a refusal is final), kept for the operators instead of lost.
  `CREATE TABLE IF NOT EXISTS ${REFUSALS_TABLE} (
     command_id text PRIMARY KEY,
     manager text NOT NULL,
     event_id text NOT NULL,
     event_type text NOT NULL,
     event_position text NOT NULL,
     stream_id text NOT NULL,
     command_type text NOT NULL,
     code text NOT NULL,
     message text NOT NULL,
     details jsonb NOT NULL,
     refused_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX IF NOT EXISTS refusals_manager ON ${REFUSALS_TABLE} (manager, refused_at)`,
];

/** A command the domain refused while handling an event. */
export interface Refusal {
  readonly commandId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly eventPosition: GlobalPosition;
  readonly streamId: string;
  readonly commandType: string;
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Creates the tables; concurrent starts take turns on the setup lock. */
export async function ensureProcessManagerTables(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(SETUP_LOCK);
    for (const statement of DDL) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function readCheckpoint(pool: Pool, name: string): Promise<GlobalPosition | null> {
  const { rows } = await pool.query<{ position: string | null }>(`SELECT position FROM ${CHECKPOINTS_TABLE} WHERE name = $1`, [name]);
  return rows[0]?.position ?? null;
}

/**
 * Moves the checkpoint past `position` and keeps the event's refusals, in one statement (so both or neither).
 * The checkpoint never moves back (positions of one store order as strings), so two instances never undo each other.
 */
export async function recordProgress(pool: Pool, name: string, position: GlobalPosition, refusals: readonly Refusal[]): Promise<void> {
  await pool.query(
    `WITH refused AS (
       INSERT INTO ${REFUSALS_TABLE} (command_id, manager, event_id, event_type, event_position, stream_id, command_type, code, message, details)
       SELECT r."commandId", $1, r."eventId", r."eventType", r."eventPosition", r."streamId", r."commandType", r.code, r.message, r.details
         FROM jsonb_to_recordset($3::jsonb) AS r("commandId" text, "eventId" text, "eventType" text, "eventPosition" text,
                                                 "streamId" text, "commandType" text, code text, message text, details jsonb)
       ON CONFLICT (command_id) DO NOTHING)
     INSERT INTO ${CHECKPOINTS_TABLE} (name, position) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now() WHERE checkpoints.position < EXCLUDED.position`,
    [name, position, JSON.stringify(refusals)],
  );
}
