import { Client } from 'pg';
import { leaveShutdownSignalsToTheProcess, startEmbeddedPostgres } from '../embedded-postgres';

/**
 * A process that shuts down in order, as apps/api/src/main.ts does: on SIGTERM it still uses its
 * embedded PostgreSQL, then stops it. Arguments: data folder, port. Prints `ready`, then the outcome.
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: false });
  process.once('SIGTERM', () => {
    void (async () => {
      const client = new Client({ connectionString: pg.url });
      try {
        await client.connect();
        const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
        process.stdout.write(`queried ${rows[0].one} after SIGTERM\n`);
      } catch (error) {
        process.stdout.write(`query failed after SIGTERM: ${error instanceof Error ? error.message : String(error)}\n`);
      } finally {
        await client.end().catch(() => undefined);
        await pg.stop();
        process.exit(0);
      }
    })();
  });
  leaveShutdownSignalsToTheProcess();
  process.stdout.write('ready\n');
}

void main();
