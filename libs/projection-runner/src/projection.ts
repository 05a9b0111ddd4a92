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
}

export function projectionSchema(name: string): string {
  return `rm_${name}`;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly checkpoint: GlobalPosition | null;
}
