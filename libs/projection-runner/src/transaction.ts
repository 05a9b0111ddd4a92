import type { Pool, PoolClient } from 'pg';

/**
 * Read models are derived data, and their rows commit together with their checkpoint: if PostgreSQL
 * itself crashes before an asynchronous commit reaches disk, rows and checkpoint are lost together
 * and the events are applied again. So batches need not wait for the WAL flush.
 */
export function beginStatement(asyncCommit: boolean): string {
  return asyncCommit ? 'BEGIN; SET LOCAL synchronous_commit TO off' : 'BEGIN';
}

/** Runs `work` in a transaction on a pooled connection; a connection left unusable is discarded. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, asyncCommit = false): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(beginStatement(asyncCommit));
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
