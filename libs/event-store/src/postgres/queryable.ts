import type { QueryResult, QueryResultRow } from 'pg';

/** A Pool or a checked-out client: what the store's statements run on. */
export interface Queryable {
  query<R extends QueryResultRow>(config: { name?: string; text: string; values?: unknown[] }): Promise<QueryResult<R>>;
}
