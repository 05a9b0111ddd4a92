import { Pool } from 'pg';

/**
 * A pool with one connection per writer that keeps them while other cases take their slice: a
 * reconnect inside a measured slice would be counted as commit time.
 */
export function commitPool(url: string, writers: number): Pool {
  return new Pool({ connectionString: url, max: writers, idleTimeoutMillis: 0 });
}
