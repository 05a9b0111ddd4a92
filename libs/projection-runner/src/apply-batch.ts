import type { GlobalPosition, RecordedEvent } from '@app/event-store';
import type { Pool, PoolClient } from 'pg';
import { toError } from './errors';
import { Checkpoint, isAfter, laterOf } from './positions';
import type { ProjectionDefinition, ProjectionTx } from './projection';
import { lockCheckpoints, writeCheckpoints } from './runner-tables';
import { setSearchPath } from './sql';
import { beginStatement } from './transaction';

/** A projection as a batch sees it: where it stands and which events it takes. */
export interface BatchMember {
  readonly definition: ProjectionDefinition;
  readonly schema: string;
  readonly types: ReadonlySet<string>;
  readonly checkpoint: Checkpoint;
}

/**
 * `advanced`: rows and checkpoint committed; `failed`: a handler threw, nothing of this member was
 * kept; `rewound`: its stored checkpoint is behind the one believed (someone reset it), so events
 * already read must be read again.
 */
export type MemberOutcome =
  | { readonly kind: 'advanced'; readonly checkpoint: GlobalPosition; readonly handled: number }
  | { readonly kind: 'failed'; readonly error: Error }
  | { readonly kind: 'rewound'; readonly checkpoint: Checkpoint };

export interface BatchResult {
  readonly outcomes: ReadonlyMap<string, MemberOutcome>;
  /** Checkpoints this batch moved (committed). */
  readonly moved: ReadonlyMap<string, GlobalPosition>;
  /** Projections whose read models this batch changed: those that applied at least one event. */
  readonly changed: ReadonlySet<string>;
}

type Attempt =
  | ({ readonly committed: true; readonly outcomes: Map<string, MemberOutcome> } & Omit<BatchResult, 'outcomes'>)
  | { readonly committed: false; readonly member: BatchMember; readonly error: Error };

/**
 * Applies one batch (in `$all` order) to every member in ONE transaction, together with their
 * checkpoints: a crash anywhere leaves rows and checkpoints as they were before or after the batch.
 * When a handler throws, the transaction is rolled back and the batch applied again without that
 * member, so one failing projection does not hold back the others (failures are rare; the common
 * path pays for no savepoints).
 */
export async function applyBatch(
  pool: Pool,
  members: readonly BatchMember[],
  events: readonly RecordedEvent[],
  asyncCommit: boolean,
): Promise<BatchResult> {
  const end = events[events.length - 1].position;
  const failed = new Map<string, MemberOutcome>();
  let remaining = members.filter((member) => isAfter(end, member.checkpoint));
  for (;;) {
    const attempt = await applyOnce(pool, remaining, events, end, asyncCommit);
    if (attempt.committed) return { outcomes: new Map([...failed, ...attempt.outcomes]), moved: attempt.moved, changed: attempt.changed };
    failed.set(attempt.member.definition.name, { kind: 'failed', error: attempt.error });
    remaining = remaining.filter((member) => member !== attempt.member);
  }
}

/**
 * Each checkpoint row is locked and re-read first: events at or before the stored checkpoint are
 * skipped, which keeps a batch from applying anything twice even if a rebuild moved it meanwhile.
 */
async function applyOnce(
  pool: Pool,
  members: readonly BatchMember[],
  events: readonly RecordedEvent[],
  end: GlobalPosition,
  asyncCommit: boolean,
): Promise<Attempt> {
  const outcomes = new Map<string, MemberOutcome>();
  const moved = new Map<string, GlobalPosition>();
  const changed = new Set<string>();
  if (members.length === 0) return { committed: true, outcomes, moved, changed };
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(beginStatement(asyncCommit));
    const locked = await lockCheckpoints(client, members.map((member) => member.definition.name));
    for (const member of members) {
      const { name } = member.definition;
      const stored = locked.get(name) as Checkpoint;
      if (isAfter(member.checkpoint, stored)) {
        outcomes.set(name, { kind: 'rewound', checkpoint: stored });
        continue;
      }
      const mine = events.filter((event) => member.types.has(event.type) && isAfter(event.position, stored));
      try {
        // Only a member with events to apply needs its schema first on the search path.
        if (mine.length > 0) await client.query(setSearchPath(member.schema));
        await runHandlers(client, member.definition, mine);
      } catch (error) {
        await client.query('ROLLBACK');
        return { committed: false, member, error: toError(error) };
      }
      const target = laterOf(end, stored) as GlobalPosition;
      if (target !== stored) moved.set(name, target);
      if (mine.length > 0) changed.add(name);
      outcomes.set(name, { kind: 'advanced', checkpoint: target, handled: mine.length });
    }
    await writeCheckpoints(client, moved, changed);
    await client.query('COMMIT');
    return { committed: true, outcomes, moved, changed };
  } catch (error) {
    broken = toError(error);
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Runs a projection's handlers on `events`; the caller has put its schema first on the search path. */
export async function runHandlers(client: PoolClient, definition: ProjectionDefinition, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const tx: ProjectionTx = {
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await client.query(sql, params as unknown[] | undefined)).rows as T[],
  };
  if (definition.handleBatch) {
    await definition.handleBatch(events, tx);
    return;
  }
  for (const event of events) await definition.handle(event, tx);
}
