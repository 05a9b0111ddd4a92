import type { EventStore, GlobalPosition } from '@app/event-store';
import type { Pool } from 'pg';
import { CheckpointWatcher, ReadModelChangeListener } from './checkpoint-watcher';
import { ProjectionSchemaChangedError, UnknownProjectionError } from './errors';
import { jsonLogger, ProjectionLogger } from './logger';
import { isAfter } from './positions';
import type { ProjectionDefinition, ProjectionStatus } from './projection';
import { GroupSettings, ProjectionGroup } from './projection-group';
import { ensureProjectionSchemas, SchemaCheck } from './projection-schemas';
import { rebuildProjection, RebuildResult } from './rebuild';
import { readCheckpoints } from './runner-tables';

export interface ProjectionRunnerOptions extends Partial<GroupSettings> {
  /** Read models' database (also holds the runner's checkpoints). */
  readonly pool: Pool;
  readonly store: EventStore;
  readonly projections: readonly ProjectionDefinition[];
  /**
   * `shared` (default): one `$all` subscription feeds every projection; `separate`: one per
   * projection, so a slow or failing one never holds back another's reading.
   */
  readonly subscription?: 'shared' | 'separate';
  /**
   * DDL over several read models, e.g. views in a `reporting` schema. A rebuild's switch-over drops
   * the old `rm_<name>` schema with CASCADE, which drops such views; the runner re-applies these
   * statements after ensureSchemas and inside every switch-over transaction. Must be idempotent.
   */
  readonly dependentDdl?: readonly string[];
  readonly logger?: ProjectionLogger;
}

const DEFAULTS: GroupSettings = {
  batchSize: 1000,
  batchWindowMs: 20,
  idleProbeMs: 1000,
  lockRetryMs: 1000,
  retryInitialMs: 1000,
  retryMaxMs: 60_000,
  asyncCommit: true,
};

/** The longest projection name whose rebuild schema (`rm_<name>__rebuild`) fits PostgreSQL's 63 bytes. */
const NAME = /^[a-z][a-z0-9_]{0,49}$/;

/**
 * Runs projections (architecture.md §5): keeps each read model's tables and checkpoint in step
 * with `$all`, rebuilds one blue-green, reports status and waits for positions (read your writes).
 */
export class ProjectionRunner {
  private readonly definitions: readonly ProjectionDefinition[];
  private readonly groups: readonly ProjectionGroup[];
  private readonly watcher: CheckpointWatcher;
  private readonly logger: ProjectionLogger;
  private readonly settings: GroupSettings;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const names = options.projections.map((p) => p.name);
    const invalid = names.find((name) => !NAME.test(name));
    if (invalid !== undefined) throw new Error(`Projection name ${JSON.stringify(invalid)} is not snake_case of at most 50 characters`);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined) throw new Error(`Projection ${duplicate} is registered twice`);
    this.definitions = options.projections;
    this.logger = options.logger ?? jsonLogger({ component: 'projection-runner' });
    this.settings = {
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      batchWindowMs: options.batchWindowMs ?? DEFAULTS.batchWindowMs,
      idleProbeMs: options.idleProbeMs ?? DEFAULTS.idleProbeMs,
      lockRetryMs: options.lockRetryMs ?? DEFAULTS.lockRetryMs,
      retryInitialMs: options.retryInitialMs ?? DEFAULTS.retryInitialMs,
      retryMaxMs: options.retryMaxMs ?? DEFAULTS.retryMaxMs,
      asyncCommit: options.asyncCommit ?? DEFAULTS.asyncCommit,
    };
    this.watcher = new CheckpointWatcher({ pool: options.pool, names, logger: this.logger });
    const deps = { pool: options.pool, store: options.store, watcher: this.watcher, logger: this.logger };
    const partition = options.subscription === 'separate' ? this.definitions.map((d) => [d]) : [this.definitions];
    this.groups = partition.filter((group) => group.length > 0).map((group) => new ProjectionGroup(group, this.settings, deps));
  }

  /**
   * Creates the runner's tables, each projection's schema and tables (its DDL is idempotent) and
   * checkpoint rows. A projection whose DDL changed since its tables were built is left as it is.
   */
  async ensureSchemas(): Promise<SchemaCheck[]> {
    const checks = await ensureProjectionSchemas(this.options.pool, this.definitions, this.options.dependentDdl ?? [], this.logger);
    for (const check of checks.filter((c) => c.outcome === 'changed')) {
      this.logger.error(new ProjectionSchemaChangedError(check.name).message, { projection: check.name });
    }
    return checks;
  }

  /** Ensures the schemas, then runs every projection in the background until `stop()`. */
  async start(): Promise<void> {
    const checks = await this.ensureSchemas();
    const changed = new Set(checks.filter((c) => c.outcome === 'changed').map((c) => c.name));
    for (const group of this.groups) group.start(changed);
  }

  /** Lets batches in progress commit, then releases the locks and connections of the runner. */
  async stop(): Promise<void> {
    await Promise.all(this.groups.map((group) => group.stop()));
    await this.watcher.close();
  }

  /** Replays one projection into fresh tables and switches over (see rebuild.ts); works while running. */
  async rebuild(name: string): Promise<RebuildResult> {
    const definition = this.definitions.find((d) => d.name === name);
    if (!definition) throw new UnknownProjectionError(name, this.definitions.map((d) => d.name));
    await this.ensureSchemas();
    const result = await rebuildProjection(
      {
        pool: this.options.pool,
        store: this.options.store,
        logger: this.logger,
        batchSize: this.settings.batchSize,
        asyncCommit: this.settings.asyncCommit,
        dependentDdl: this.options.dependentDdl ?? [],
      },
      definition,
    );
    for (const group of this.groups) group.recheck(name);
    return result;
  }

  /**
   * Resolves once every projection's checkpoint is at or past `position` (events a projection does
   * not handle count as passed); rejects with ProjectionTimeoutError after `timeoutMs`.
   */
  waitForPosition(position: GlobalPosition, timeoutMs: number): Promise<void> {
    for (const group of this.groups) group.want(position, timeoutMs);
    return this.watcher.waitForPosition(position, timeoutMs);
  }

  /** See CheckpointWatcher.watchChanges: which read models changed, from this process or any other. */
  watchReadModelChanges(listener: ReadModelChangeListener): () => void {
    return this.watcher.watchChanges(listener);
  }

  /** Whether every read-model change reaches this process now (see CheckpointWatcher.live). */
  get readModelChangesLive(): boolean {
    return this.watcher.live;
  }

  async status(): Promise<ProjectionStatus[]> {
    const names = this.definitions.map((d) => d.name);
    const [head, checkpoints] = await Promise.all([this.options.store.headPosition(), readCheckpoints(this.options.pool, names)]);
    return names.map((name) => {
      const checkpoint = checkpoints.get(name) ?? null;
      const group = this.groups.find((g) => g.names.includes(name));
      const { state, lastError } = group ? group.statusOf(name) : { state: 'stopped' as const, lastError: null };
      return { name, checkpoint, state, head, behind: isAfter(head, checkpoint), lastError };
    });
  }
}
