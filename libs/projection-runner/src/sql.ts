import type { QueryResult, QueryResultRow } from 'pg';

/** What the runner needs of a pg Pool, PoolClient or Client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `SET LOCAL` cannot take a bind parameter; the schema name is validated and quoted. */
export function setSearchPath(schema: string): string {
  return `SET LOCAL search_path TO ${quoteIdent(schema)}, public`;
}
