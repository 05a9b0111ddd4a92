import type { GlobalPosition, RecordedEvent } from '@app/event-store';

/** The slice of a PostgreSQL transaction a projection handler may use. */
export interface ProjectionTx {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * A read model (architecture.md §5). Its tables live in their own PostgreSQL schema
 * (`rm_<name>`), so the runner can rebuild it into a fresh schema and switch over.
 * Handlers write unqualified table names: the runner sets `search_path` to the target schema.
 */
export interface ProjectionDefinition {
  /** snake_case, e.g. `incoming_register`. The schema is `rm_<name>`. */
  readonly name: string;
  /** Event types it handles; the runner subscribes to these only. */
  readonly eventTypes: readonly string[];
  /** DDL creating its tables and indexes, with unqualified names (run inside the schema). */
  readonly schema: readonly string[];
  /** Applies one event. Must be idempotent: rows carry the stream revision they reflect. */
  handle(event: RecordedEvent, tx: ProjectionTx): Promise<void>;
  /**
   * Optional fast path: applies a whole batch (in order, only this projection's event types),
   * e.g. with multi-row upserts. When present the runner calls it instead of `handle`.
   */
  handleBatch?(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void>;
}

export function projectionSchema(name: string): string {
  return `rm_${name}`;
}

/**
 * `running`: this process holds the projection's lock and applies events; `standby`: another
 * instance holds it; `failed`: a handler threw, retried with backoff; `schema-changed`: its DDL
 * differs from the applied one and it waits for a rebuild; `stopped`: not started or stopped.
 */
export type ProjectionState = 'running' | 'standby' | 'failed' | 'schema-changed' | 'stopped';

export interface ProjectionError {
  readonly message: string;
  readonly at: Date;
  /** Consecutive failures; the next retry waits longer each time. */
  readonly attempts: number;
  readonly nextRetryAt: Date | null;
}

export interface ProjectionStatus {
  readonly name: string;
  /** Stored checkpoint: every event at or before it is reflected in the read model. */
  readonly checkpoint: GlobalPosition | null;
  readonly state: ProjectionState;
  /** Last position of `$all` when the status was taken. */
  readonly head: GlobalPosition | null;
  /** True when the checkpoint is before the head (events the projection has not passed yet). */
  readonly behind: boolean;
  readonly lastError: ProjectionError | null;
}
