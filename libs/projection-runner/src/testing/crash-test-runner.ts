/**
 * A projector process for the crash test (crash-recovery.int-spec.ts): runs the test register
 * projection against DATABASE_URL with small batches until killed, or stops cleanly on SIGTERM.
 */
import { PostgresEventStore } from '@app/event-store';
import { Pool } from 'pg';
import { jsonLogger } from '../logger';
import { ProjectionRunner } from '../projection-runner';
import { testRegisterProjection } from './test-register-projection';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const name = process.env.PROJECTION_NAME;
  if (!url || !name) throw new Error('DATABASE_URL and PROJECTION_NAME are required');
  const pool = new Pool({ connectionString: url });
  const store = new PostgresEventStore(pool);
  const runner = new ProjectionRunner({
    pool,
    store,
    projections: [testRegisterProjection({ name })],
    batchSize: Number(process.env.BATCH_SIZE ?? 50),
    logger: jsonLogger({ pid: process.pid }),
  });
  await runner.start();
  process.once('SIGTERM', () => {
    void (async () => {
      await runner.stop();
      await store.close();
      await pool.end();
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
