import type { EventStore, GlobalPosition, RecordedEvent } from '@app/event-store';
import { Client, Pool, PoolClient } from 'pg';
import { runHandlers } from './apply-batch';
import { RebuildInProgressError } from './errors';
import { EventBatcher } from './event-batcher';
import type { ProjectionLogger } from './logger';
import { Checkpoint, isAfter, laterOf } from './positions';
import { ProjectionDefinition, projectionSchema } from './projection';
import { applyDependentDdl, createProjectionTables, recordDdlHash } from './projection-schemas';
import { LOCK_CLASS, lockCheckpoint, writeCheckpoints } from './runner-tables';
import { quoteIdent, setSearchPath } from './sql';
import { withTransaction } from './transaction';

export interface RebuildDependencies {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly logger: ProjectionLogger;
  readonly batchSize: number;
  readonly asyncCommit: boolean;
  /** Re-applied inside the switch-over: see applyDependentDdl. */
  readonly dependentDdl: readonly string[];
}

export interface RebuildResult {
  readonly name: string;
  readonly events: number;
  readonly checkpoint: Checkpoint;
  readonly durationMs: number;
}

const PROGRESS_EVERY_MS = 10_000;

/**
 * Blue-green rebuild (style anchor 10): replays `$all` from the start into `rm_<name>__rebuild`
 * in short transactions while the live schema keeps serving queries and the live projector keeps
 * running, then switches over in ONE transaction: it locks the checkpoint row (holding back the
 * live projector's next batch of this projection), applies what the live one got ahead by, drops
 * the old schema, renames the new one and sets the checkpoint. The live projector then skips the
 * events before the new checkpoint, so nothing is applied twice.
 */
export async function rebuildProjection(deps: RebuildDependencies, definition: ProjectionDefinition): Promise<RebuildResult> {
  const startedAt = Date.now();
  const { name } = definition;
  const fresh = `${projectionSchema(name)}__rebuild`;
  const lock = new Client(deps.pool.options);
  await lock.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_CLASS.rebuild, name]);
    if (!rows[0].ok) throw new RebuildInProgressError(name);
    deps.logger.info('Rebuilding projection', { projection: name, schema: fresh });
    await withTransaction(deps.pool, async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(fresh)} CASCADE`);
      await createProjectionTables(client, definition, fresh);
    });
    let reached: Checkpoint = null;
    let events = 0;
    // Passes until one finds little new, so the switch-over transaction has little left to apply.
    for (;;) {
      const pass = await replay(deps, definition, fresh, reached, events);
      reached = pass.reached;
      events += pass.events;
      if (pass.events < deps.batchSize) break;
    }
    const switched = await switchOver(deps, definition, fresh, reached);
    events += switched.events;
    const result = { name, events, checkpoint: switched.checkpoint, durationMs: Date.now() - startedAt };
    deps.logger.info('Rebuilt projection', { projection: name, events, checkpoint: result.checkpoint, durationMs: result.durationMs });
    return result;
  } finally {
    await lock.end();
  }
}

/** Applies every event of the projection after `from` up to the current head, batch by batch. */
async function replay(
  deps: RebuildDependencies,
  definition: ProjectionDefinition,
  schema: string,
  from: Checkpoint,
  doneBefore: number,
): Promise<{ reached: Checkpoint; events: number }> {
  // Positions up to the head are final, so after reading to the end the projection has passed it.
  const head = await deps.store.headPosition();
  const source = deps.store.readAll(from ?? 'start', { eventTypes: definition.eventTypes });
  const batcher = new EventBatcher(source, { maxSize: deps.batchSize, windowMs: 50 });
  let reached = from;
  let events = 0;
  let reportedAt = Date.now();
  for (let batch = await batcher.next(1000); batch !== null; batch = await batcher.next(1000)) {
    if (batch.length === 0) continue;
    await withTransaction(
      deps.pool,
      async (client) => {
        await client.query(setSearchPath(schema));
        await runHandlers(client, definition, batch);
      },
      deps.asyncCommit,
    );
    reached = batch[batch.length - 1].position;
    events += batch.length;
    if (Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
      reportedAt = Date.now();
      deps.logger.info('Rebuild progress', { projection: definition.name, events: doneBefore + events, position: reached });
    }
  }
  return { reached: laterOf(reached, head), events };
}

async function switchOver(
  deps: RebuildDependencies,
  definition: ProjectionDefinition,
  fresh: string,
  reached: Checkpoint,
): Promise<{ checkpoint: Checkpoint; events: number }> {
  const { name } = definition;
  return withTransaction(deps.pool, async (client) => {
    const live = await lockCheckpoint(client, name);
    const tail = isAfter(live, reached) ? await applyTail(deps, client, definition, fresh, reached, live as GlobalPosition) : 0;
    const checkpoint = laterOf(live, reached);
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(projectionSchema(name))} CASCADE`);
    await client.query(`ALTER SCHEMA ${quoteIdent(fresh)} RENAME TO ${quoteIdent(projectionSchema(name))}`);
    await recordDdlHash(client, definition);
    await applyDependentDdl(client, deps.dependentDdl, deps.logger);
    if (checkpoint !== null && checkpoint !== live) {
      await writeCheckpoints(client, new Map([[name, checkpoint]]), new Set([name]));
    }
    return { checkpoint, events: tail };
  });
}

/** The events the live projection applied after `from`, up to its checkpoint `to`. */
async function applyTail(
  deps: RebuildDependencies,
  client: PoolClient,
  definition: ProjectionDefinition,
  schema: string,
  from: Checkpoint,
  to: GlobalPosition,
): Promise<number> {
  const tail: RecordedEvent[] = [];
  for await (const event of deps.store.readAll(from ?? 'start', { eventTypes: definition.eventTypes })) {
    if (isAfter(event.position, to)) break;
    tail.push(event);
  }
  await client.query(setSearchPath(schema));
  await runHandlers(client, definition, tail);
  return tail.length;
}
