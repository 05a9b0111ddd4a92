/**
 * A process running the liên thông process managers against DATABASE_URL until killed, or until SIGTERM stops
 * it cleanly (the crash test, kill-restart.int-spec.ts).
 */
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { jsonLogger } from '@app/projection-runner';
import { interconnectManagers } from '../interconnect';
import { standaloneRunner } from '../process-manager-runner';
import { testDeadlines } from './interconnect-test-kit';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const pool = new Pool({ connectionString: url, max: 5 });
  const store = new PostgresEventStore(pool, { pollIntervalMs: 100 });
  const runner = standaloneRunner({ pool, store, managers: interconnectManagers(testDeadlines), logger: jsonLogger({ pid: process.pid }), retryInitialMs: 100 });
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
