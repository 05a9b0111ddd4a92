import type { GlobalPosition } from '@app/event-store';
import type { Checkpoint } from './positions';
import type { Queryable } from './sql';

/** The runner's own tables live apart from the read models, in schema `projection`. */
export const CHECKPOINTS_TABLE = 'projection.projection_checkpoints';
export const SCHEMAS_TABLE = 'projection.projection_schemas';

/** The runner NOTIFYs this channel with a CheckpointsPayload when checkpoints move. */
export const CHECKPOINTS_CHANNEL = 'projection_checkpoints';
/** Waiters NOTIFY this channel (a WantedPayload) so idle runners look past unhandled events now. */
export const WANTED_CHANNEL = 'projection_wanted';

export interface WantedPayload {
  readonly position: GlobalPosition;
  readonly timeoutMs: number;
}

/** Advisory lock classes (first key of the two-key form); the second key is hashtext(name). */
export const LOCK_CLASS = { setup: 0x70726f00, run: 0x70726f01, rebuild: 0x70726f02 } as const;

export const RUNNER_TABLES_DDL = [
  'CREATE SCHEMA IF NOT EXISTS projection',
  `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (
     name text PRIMARY KEY,
     position text,
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS ${SCHEMAS_TABLE} (
     name text PRIMARY KEY,
     ddl_hash text NOT NULL,
     applied_at timestamptz NOT NULL DEFAULT now())`,
];

export async function ensureCheckpointRows(db: Queryable, names: readonly string[]): Promise<void> {
  await db.query(
    `INSERT INTO ${CHECKPOINTS_TABLE} (name, position) SELECT unnest($1::text[]), NULL ON CONFLICT (name) DO NOTHING`,
    [names],
  );
}

export async function readCheckpoints(db: Queryable, names: readonly string[]): Promise<Map<string, Checkpoint>> {
  const { rows } = await db.query<{ name: string; position: string | null }>(
    `SELECT name, position FROM ${CHECKPOINTS_TABLE} WHERE name = ANY($1::text[])`,
    [names],
  );
  return new Map(rows.map((row) => [row.name, row.position]));
}

/** Locks the row until the transaction ends, so a rebuild and a batch never move it concurrently. */
export async function lockCheckpoint(db: Queryable, name: string): Promise<Checkpoint> {
  return (await lockCheckpoints(db, [name])).get(name) as Checkpoint;
}

/** lockCheckpoint for several rows in one round trip (in name order, as every multi-row lock takes them). */
export async function lockCheckpoints(db: Queryable, names: readonly string[]): Promise<Map<string, Checkpoint>> {
  const { rows } = await db.query<{ name: string; position: string | null }>(
    `SELECT name, position FROM ${CHECKPOINTS_TABLE} WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE`,
    [names],
  );
  const stored = new Map(rows.map((row) => [row.name, row.position]));
  const missing = names.find((name) => !stored.has(name));
  if (missing !== undefined) throw new Error(`No checkpoint row for projection ${missing}`);
  return stored;
}

/** What the runner NOTIFYs on CHECKPOINTS_CHANNEL: the checkpoints moved, and which of those read models changed. */
export interface CheckpointsPayload {
  readonly moved: Readonly<Record<string, GlobalPosition>>;
  /** Projections that applied events in the transaction (the others only moved past events they ignore). */
  readonly changed: readonly string[];
}

/**
 * Moves checkpoints and NOTIFYs them in one statement. The notification is delivered at commit,
 * so listeners never hear of a checkpoint that was rolled back.
 */
export async function writeCheckpoints(
  db: Queryable,
  moved: ReadonlyMap<string, GlobalPosition>,
  changed: ReadonlySet<string>,
): Promise<void> {
  if (moved.size === 0) return;
  const payload: CheckpointsPayload = { moved: Object.fromEntries(moved), changed: [...changed] };
  await db.query(
    `WITH moved AS (
       UPDATE ${CHECKPOINTS_TABLE} c SET position = m.position, updated_at = now()
         FROM unnest($1::text[], $2::text[]) AS m(name, position)
        WHERE c.name = m.name)
     SELECT pg_notify($3, $4)`,
    [[...moved.keys()], [...moved.values()], CHECKPOINTS_CHANNEL, JSON.stringify(payload)],
  );
}
