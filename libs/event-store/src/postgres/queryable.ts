import type { QueryResult, QueryResultRow } from 'pg';

/** A Pool or a checked-out client: what the store's statements run on. */
export interface Queryable {
  /** `rowMode: 'array'`: each row an array in column order (no object built per row). */
  query<R extends QueryResultRow>(config: { name?: string; text: string; values?: unknown[]; rowMode?: 'array' }): Promise<QueryResult<R>>;
}
