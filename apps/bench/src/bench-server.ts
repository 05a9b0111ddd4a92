import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, freePort, startEmbeddedPostgres, withClient, withDatabase } from '@app/database';

/** The server settings that decide what a commit costs, reported with every run. */
const REPORTED_SETTINGS = [
  'server_version',
  'fsync',
  'synchronous_commit',
  'wal_sync_method',
  'full_page_writes',
  'commit_delay',
  'shared_buffers',
  'max_connections',
] as const;

/** The one PostgreSQL server every benchmark of a run measures on. */
export interface BenchServer {
  /** `embedded` (a throw-away cluster in a temp folder) or `DATABASE_URL`. */
  readonly kind: 'embedded' | 'DATABASE_URL';
  /** Host and port, never the password. */
  readonly address: string;
  /** The URL with its password, for the benchmarks' own processes (attachBenchServer); never printed. */
  readonly adminUrl: string;
  /**
   * URL of a fresh database `bench_<runId>` (no label: shared by the benchmarks that keep to their
   * own tables) or `bench_<runId>_<label>` (a benchmark that needs an empty event store). Created
   * on first use, dropped by close().
   */
  database(label?: string): Promise<string>;
  settings(): Promise<Record<string, string>>;
  /**
   * Lets the server catch up with the previous benchmark's writes before the next one measures: a CHECKPOINT
   * (its dirty pages written now, not during the next timings) and autovacuum workers finished (60 s at most).
   * Answers what it did, for the log.
   */
  settle(): Promise<string>;
  /** Drops the databases and stops the embedded server; safe to call twice. */
  close(): Promise<void>;
}

const SETTLE_MAX_MS = 60_000;

export async function openBenchServer(runId: string, log: (line: string) => void): Promise<BenchServer> {
  const given = process.env.DATABASE_URL;
  if (given) return serverAt(given, 'DATABASE_URL', runId, log, async () => undefined);
  const parent = mkdtempSync(join(tmpdir(), 'qlvbdh-bench-pg-'));
  // As root, PostgreSQL runs as a separate user that must be able to reach the data folder.
  chmodSync(parent, 0o755);
  const port = await freePort();
  log(`Starting an embedded PostgreSQL in ${parent} on 127.0.0.1:${port} (default durability settings)`);
  try {
    // No settings: the comparison with the raw INSERT baseline is only honest at the defaults.
    const pg = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), port, persistent: false });
    return serverAt(pg.url, 'embedded', runId, log, async () => {
      await pg.stop();
      rmSync(parent, { recursive: true, force: true });
    });
  } catch (error) {
    rmSync(parent, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The server a parent process opened, as one benchmark's own process sees it: its databases are created and dropped
 * here, the server itself is left running.
 */
export function attachBenchServer(adminUrl: string, kind: BenchServer['kind'], runId: string, log: (line: string) => void): BenchServer {
  return serverAt(adminUrl, kind, runId, log, async () => undefined);
}

function serverAt(
  adminUrl: string,
  kind: BenchServer['kind'],
  runId: string,
  log: (line: string) => void,
  stop: () => Promise<void>,
): BenchServer {
  const created = new Map<string, Promise<string>>();
  let closed: Promise<void> | null = null;
  const url = new URL(adminUrl);
  return {
    kind,
    address: `${url.hostname}:${url.port || '5432'}`,
    adminUrl,
    database(label) {
      const name = label ? `bench_${runId}_${label}` : `bench_${runId}`;
      let pending = created.get(name);
      if (!pending) {
        pending = ensureDatabase(adminUrl, name).then(() => withDatabase(adminUrl, name));
        created.set(name, pending);
      }
      return pending;
    },
    async settings() {
      return withClient(adminUrl, async (client) => {
        const { rows } = await client.query<{ name: string; setting: string }>(
          `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
          [REPORTED_SETTINGS],
        );
        return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
      });
    },
    settle() {
      return withClient(adminUrl, async (client) => {
        const started = Date.now();
        // CHECKPOINT needs a superuser or pg_checkpoint; a DATABASE_URL without either only waits for autovacuum.
        const checkpoint = await client.query('CHECKPOINT').then(
          () => 'checkpoint',
          (error: unknown) => `no checkpoint (${error instanceof Error ? error.message : String(error)})`,
        );
        let vacuuming = 0;
        for (;;) {
          const { rows } = await client.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'",
          );
          vacuuming = rows[0].n;
          if (vacuuming === 0 || Date.now() - started > SETTLE_MAX_MS) break;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        const waited = ((Date.now() - started) / 1000).toFixed(1);
        return `${checkpoint}, ${vacuuming === 0 ? 'no autovacuum running' : `${vacuuming} autovacuum workers still running`} (${waited} s)`;
      });
    },
    close() {
      closed ??= (async () => {
        const names = [...created.keys()];
        await Promise.allSettled([...created.values()]);
        for (const name of names) {
          await dropDatabase(adminUrl, name).catch((error: unknown) => log(`Could not drop database ${name}: ${String(error)}`));
        }
        await stop();
      })();
      return closed;
    },
  };
}
