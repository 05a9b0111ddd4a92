import { DatabaseError, Pool, QueryResult, QueryResultRow } from 'pg';

/** A Pool or a checked-out client: what the store's statements run on. */
export interface Queryable {
  /** `rowMode: 'array'`: each row an array in column order (no object built per row). */
  query<R extends QueryResultRow>(config: { name?: string; text: string; values?: unknown[]; rowMode?: 'array' }): Promise<QueryResult<R>>;
}

/**
 * The pool's statements, each on a pooled connection that is kept when the statement fails in the database.
 *
 * Why: `Pool.query` discards the connection after any error, and an append refused for a wrong expected revision is
 * routine when clerks number from one register at once. Each refusal then cost a new connection: authentication, a new
 * server process, the store's statements prepared and its append function compiled again. Under 64 concurrent flows
 * that was some 30 new connections a second, and throughput fell to a third. An error raised by a statement outside a
 * transaction leaves the session as it was; only a failed connection (no DatabaseError, or a FATAL one) is discarded.
 */
export function pooledStatements(pool: Pool): Queryable {
  return {
    async query<R extends QueryResultRow>(config: Parameters<Queryable['query']>[0]): Promise<QueryResult<R>> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await client.query<R>(config);
      } catch (error) {
        if (!(error instanceof DatabaseError && error.severity === 'ERROR')) broken = error as Error;
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
