import type { EventStore, GlobalPosition, RecordedEvent, Subscription } from '@app/event-store';
import type { Pool } from 'pg';
import { applyBatch } from './apply-batch';
import type { CheckpointWatcher } from './checkpoint-watcher';
import { ProjectionSchemaChangedError, toError } from './errors';
import { EventBatcher } from './event-batcher';
import { LockSession } from './lock-session';
import type { ProjectionLogger } from './logger';
import { Checkpoint, isAfter, laterOf } from './positions';
import { ProjectionDefinition, ProjectionError, projectionSchema, ProjectionState } from './projection';
import { ddlHash, readDdlHashes } from './projection-schemas';
import { lockCheckpoint, readCheckpoints, writeCheckpoints } from './runner-tables';
import { withTransaction } from './transaction';

/** Moving checkpoints past events no member handles changes no read model. */
const NOTHING_CHANGED: ReadonlySet<string> = new Set();

export interface GroupSettings {
  readonly batchSize: number;
  readonly batchWindowMs: number;
  /** How long an idle group waits before it looks whether `$all` moved past its event types. */
  readonly idleProbeMs: number;
  /** How often a standby group tries to take the locks. */
  readonly lockRetryMs: number;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  /** Batches commit without waiting for the WAL flush (see beginStatement); default true. */
  readonly asyncCommit: boolean;
}

export interface GroupDependencies {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly watcher: CheckpointWatcher;
  readonly logger: ProjectionLogger;
}

interface Failure {
  /** `handler`: retried by re-reading its events; `schema`: waits until a rebuild records its DDL. */
  readonly kind: 'handler' | 'schema';
  readonly error: Error;
  readonly at: Date;
  readonly attempts: number;
  readonly retryAt: number;
}

interface Member {
  readonly definition: ProjectionDefinition;
  readonly schema: string;
  readonly types: ReadonlySet<string>;
  checkpoint: Checkpoint;
  failure: Failure | null;
}

/**
 * Projections fed by ONE `$all` subscription (filtered to their event types), each with its own
 * checkpoint. A member takes part in a batch only when its checkpoint is at or past the position
 * the subscription has reached (`seen`); a member behind it (retrying after a failure, reset, or
 * just rebuilt) makes the group subscribe again from the earliest checkpoint.
 */
export class ProjectionGroup {
  private readonly members: Member[];
  private readonly eventTypes: string[];
  private state: 'stopped' | 'standby' | 'running' = 'stopped';
  private groupFailure: Failure | null = null;
  /** Every event of the group's types at or before this position has been applied. */
  private seen: Checkpoint = null;
  /** A waiter's position beyond `seen`: while it lasts, an idle group looks past unhandled events often. */
  private wanted: { position: GlobalPosition; until: number } | null = null;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private batcher: EventBatcher | null = null;
  private session: LockSession | null = null;
  private wakeSleeper: (() => void) | null = null;

  constructor(
    definitions: readonly ProjectionDefinition[],
    private readonly settings: GroupSettings,
    private readonly deps: GroupDependencies,
  ) {
    this.members = definitions.map((definition) => ({
      definition,
      schema: projectionSchema(definition.name),
      types: new Set(definition.eventTypes),
      checkpoint: null,
      failure: null,
    }));
    this.eventTypes = [...new Set(definitions.flatMap((d) => d.eventTypes))];
  }

  get names(): string[] {
    return this.members.map((m) => m.definition.name);
  }

  /** `schemaChanged`: members whose DDL differs from the applied one; they wait for a rebuild. */
  start(schemaChanged: ReadonlySet<string>): void {
    if (this.loop) return;
    for (const member of this.members) {
      member.failure = schemaChanged.has(member.definition.name)
        ? this.failed(member.failure, 'schema', new ProjectionSchemaChangedError(member.definition.name))
        : null;
    }
    this.stopping = false;
    this.loop = this.run().finally(() => (this.loop = null));
  }

  /** Finishes the batch in progress, releases the locks and returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.interrupt();
    await this.loop;
  }

  /**
   * Someone waits up to `timeoutMs` for `position`: until the group has passed it, an idle group
   * looks past unhandled events right away and then every batch window, not after the idle delay.
   */
  want(position: GlobalPosition, timeoutMs: number): void {
    if (!isAfter(position, this.seen)) return;
    const until = Date.now() + timeoutMs;
    this.wanted = { position: laterOf(position, this.wanted?.position ?? null) as GlobalPosition, until: Math.max(until, this.wanted?.until ?? 0) };
    this.batcher?.interrupt();
  }

  private idleDelay(): number {
    if (this.wanted && (!isAfter(this.wanted.position, this.seen) || Date.now() > this.wanted.until)) this.wanted = null;
    return this.wanted ? this.settings.batchWindowMs : this.settings.idleProbeMs;
  }

  /** A rebuild switched `name` over: check its schema again now. */
  recheck(name: string): void {
    const member = this.members.find((m) => m.definition.name === name);
    if (member?.failure) member.failure = { ...member.failure, retryAt: 0 };
    this.interrupt();
  }

  statusOf(name: string): { state: ProjectionState; lastError: ProjectionError | null } {
    const member = this.members.find((m) => m.definition.name === name);
    const failure = member?.failure ?? this.groupFailure;
    const lastError = failure && {
      message: failure.error.message,
      at: failure.at,
      attempts: failure.attempts,
      nextRetryAt: new Date(failure.retryAt),
    };
    return { state: this.stateOf(member), lastError };
  }

  private stateOf(member: Member | undefined): ProjectionState {
    if (this.stopping || !this.loop) return 'stopped';
    if (member?.failure?.kind === 'schema') return 'schema-changed';
    if (this.state === 'standby') return 'standby';
    if (member?.failure || this.groupFailure) return 'failed';
    return this.state;
  }

  private async run(): Promise<void> {
    const { logger, pool } = this.deps;
    while (!this.stopping) {
      let failure: Error | null = null;
      try {
        this.session = await LockSession.open(pool, {
          onWanted: (position, timeoutMs) => this.want(position, timeoutMs),
          onLost: () => this.interrupt(),
        });
        if (!(await this.acquireLocks(this.session))) continue;
        this.state = 'running';
        logger.info('Projection group running', { projections: this.names });
        await this.process(this.session);
        if (this.session.lost && !this.stopping) logger.warn('Lost the projection locks', { projections: this.names, error: this.session.lost });
      } catch (error) {
        failure = toError(error);
      } finally {
        this.state = 'stopped';
        await this.session?.close();
        this.session = null;
      }
      if (failure) {
        this.groupFailure = this.failed(this.groupFailure, 'handler', failure);
        const retryInMs = this.groupFailure.retryAt - Date.now();
        logger.error('Projection group failed; retrying', { projections: this.names, error: failure, retryInMs });
        await this.sleep(retryInMs);
      }
    }
  }

  /** Waits in standby until this instance holds every member's lock; false when stopping. */
  private async acquireLocks(session: LockSession): Promise<boolean> {
    for (let announced = false; !this.stopping; announced = true) {
      if (session.lost) throw session.lost;
      if (await session.tryAcquire(this.names)) return true;
      this.state = 'standby';
      if (!announced) this.deps.logger.info('Another projector holds the projections; standing by', { projections: this.names });
      await this.sleep(this.settings.lockRetryMs);
    }
    return false;
  }

  private async process(session: LockSession): Promise<void> {
    while (!this.stopping && !session.lost) {
      await this.recheckSchemas();
      const taking = this.members.filter((m) => this.takesPart(m));
      if (taking.length === 0) {
        const next = Math.min(...this.members.map((m) => m.failure?.retryAt ?? Infinity));
        await this.sleep(next - Date.now());
        continue;
      }
      const stored = await readCheckpoints(this.deps.pool, this.names);
      for (const member of this.members) member.checkpoint = stored.get(member.definition.name) ?? null;
      this.groupFailure = null;
      await this.follow(session, taking);
    }
  }

  /** Follows `$all` from the earliest checkpoint of `taking` until a member falls behind or the group stops. */
  private async follow(session: LockSession, taking: readonly Member[]): Promise<void> {
    this.seen = taking.reduce<Checkpoint>((earliest, m) => (isAfter(earliest, m.checkpoint) ? m.checkpoint : earliest), taking[0].checkpoint);
    const subscription: Subscription = this.deps.store.subscribeToAll(this.seen ?? 'start', { eventTypes: this.eventTypes });
    const batcher = new EventBatcher(subscription, { maxSize: this.settings.batchSize, windowMs: this.settings.batchWindowMs });
    this.batcher = batcher;
    try {
      // Checked before each wait too: stop() or a lost lock may interrupt while no wait is pending.
      while (!this.stopping && !session.lost) {
        const batch = await batcher.next(this.idleDelay());
        // A batch read while stopping is dropped: its checkpoint has not moved, so it is read again.
        if (batch === null || this.stopping || session.lost) return;
        await this.recheckSchemas();
        const members = this.members.filter((m) => this.takesPart(m));
        // A member behind `seen` would miss the events between: read again from its checkpoint.
        if (members.length === 0 || members.some((m) => isAfter(this.seen, m.checkpoint))) return;
        if (batch.length > 0) await this.apply(batch, members);
        else await this.lookPastUnhandledEvents(members);
      }
    } finally {
      this.batcher = null;
      batcher.close();
      await subscription.unsubscribe();
    }
  }

  private async apply(batch: readonly RecordedEvent[], members: readonly Member[]): Promise<void> {
    const { logger, pool, watcher } = this.deps;
    const { outcomes, moved, changed } = await applyBatch(pool, members, batch, this.settings.asyncCommit);
    for (const member of members) {
      const outcome = outcomes.get(member.definition.name);
      if (!outcome) continue;
      const name = member.definition.name;
      if (outcome.kind === 'failed') {
        member.failure = this.failed(member.failure, 'handler', outcome.error);
        logger.error('Projection handler failed; the projection stops and retries', {
          projection: name,
          checkpoint: member.checkpoint,
          error: outcome.error,
          attempts: member.failure.attempts,
          retryInMs: member.failure.retryAt - Date.now(),
        });
        continue;
      }
      if (outcome.kind === 'rewound') logger.warn('Checkpoint moved back; re-reading', { projection: name, checkpoint: outcome.checkpoint });
      else if (member.failure) logger.info('Projection recovered', { projection: name, checkpoint: outcome.checkpoint });
      if (outcome.kind === 'advanced') member.failure = null;
      member.checkpoint = outcome.checkpoint;
    }
    this.seen = batch[batch.length - 1].position;
    watcher.observe(moved, changed);
  }

  /**
   * The subscription only delivers the group's event types, so after events of other types the
   * checkpoints would stay behind the head and `waitForPosition` would never see them pass. Positions
   * at or before the head are final (no event can still appear there), so when no event of the
   * group's types lies between `seen` and the head, every member has passed the head.
   */
  private async lookPastUnhandledEvents(members: readonly Member[]): Promise<void> {
    const { pool, store, watcher } = this.deps;
    const head = await store.headPosition();
    if (head === null || !isAfter(head, this.seen)) return;
    const next = await this.firstEventAfter(this.seen);
    if (next && !isAfter(next.position, head)) return; // the subscription is about to deliver it
    const { checkpoints, moved } = await withTransaction(pool, async (client) => {
      const checkpoints = new Map<Member, Checkpoint>();
      const moved = new Map<string, GlobalPosition>();
      for (const member of members) {
        const name = member.definition.name;
        const stored = await lockCheckpoint(client, name);
        // Reset behind us: leave it, the next round reads again from there.
        if (isAfter(member.checkpoint, stored) || !isAfter(head, stored)) {
          checkpoints.set(member, stored);
          continue;
        }
        moved.set(name, head);
        checkpoints.set(member, head);
      }
      await writeCheckpoints(client, moved, NOTHING_CHANGED);
      return { checkpoints, moved };
    });
    for (const [member, checkpoint] of checkpoints) member.checkpoint = checkpoint;
    this.seen = head;
    watcher.observe(moved, NOTHING_CHANGED);
  }

  private async firstEventAfter(position: Checkpoint): Promise<RecordedEvent | null> {
    // No maxCount: a store may apply it per page, reading one row per query past other types.
    const events = this.deps.store.readAll(position ?? 'start', { eventTypes: this.eventTypes });
    for await (const event of events) return event;
    return null;
  }

  /** Members waiting for a rebuild become active once the applied DDL hash is theirs. */
  private async recheckSchemas(): Promise<void> {
    const due = this.members.filter((m) => m.failure?.kind === 'schema' && m.failure.retryAt <= Date.now());
    if (due.length === 0) return;
    const applied = await readDdlHashes(this.deps.pool, due.map((m) => m.definition.name));
    for (const member of due) {
      if (applied.get(member.definition.name) === ddlHash(member.definition)) {
        member.failure = null;
        member.checkpoint = (await readCheckpoints(this.deps.pool, [member.definition.name])).get(member.definition.name) ?? null;
        this.deps.logger.info('Projection schema matches again; resuming', { projection: member.definition.name });
      } else {
        member.failure = this.failed(member.failure, 'schema', member.failure?.error ?? new ProjectionSchemaChangedError(member.definition.name));
      }
    }
  }

  /** Healthy, or failed in a handler and due for its retry. */
  private takesPart(member: Member): boolean {
    return member.failure === null || (member.failure.kind === 'handler' && member.failure.retryAt <= Date.now());
  }

  private failed(previous: Failure | null, kind: Failure['kind'], error: Error): Failure {
    const attempts = previous?.kind === kind ? previous.attempts + 1 : 1;
    const delay = Math.min(this.settings.retryInitialMs * 2 ** (attempts - 1), this.settings.retryMaxMs);
    return { kind, error, at: new Date(), attempts, retryAt: Date.now() + delay };
  }

  private interrupt(): void {
    this.batcher?.interrupt();
    this.wakeSleeper?.();
  }

  /** Ends early on stop() or a lost lock, which may also have happened before the sleep began. */
  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.session?.lost) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      this.wakeSleeper = wake;
    });
  }
}
