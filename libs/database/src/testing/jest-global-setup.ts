import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, RunningPostgres } from '../embedded-postgres';
import { freePort } from '../free-port';

declare global {
  var __EMBEDDED_PG__: { server: RunningPostgres; folder: string } | undefined;
}

/**
 * Gives every test run a real PostgreSQL: `DATABASE_URL` when set, otherwise a throw-away
 * embedded cluster. Test files create their own databases on it (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_ADMIN_DATABASE_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const parent = mkdtempSync(join(tmpdir(), 'qlvbdh-test-pg-'));
  // As root, PostgreSQL runs as a separate user that must be able to reach the data folder.
  chmodSync(parent, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: join(parent, 'data'),
    port: await freePort(),
    persistent: false,
    // Durability is not under test here; the benchmark runs with the defaults.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
  });
  globalThis.__EMBEDDED_PG__ = { server: pg, folder: parent };
  process.env.TEST_ADMIN_DATABASE_URL = pg.url;
}
