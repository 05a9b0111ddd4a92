import { Pool } from 'pg';
import type { Environment } from '@app/config';
import type { EventStore } from '@app/event-store';
import { connectDatabase, createEventStore } from '@app/platform';

/** Runs `work` with the configured event store (the embedded database when DATABASE_URL is unset), then closes it. */
export async function withEventStore<T>(env: Environment, work: (store: EventStore) => Promise<T>): Promise<T> {
  const database = await connectDatabase(env, (line) => process.stderr.write(`${line}\n`));
  const pool = new Pool({ connectionString: database.url, max: 2 });
  try {
    const store = await createEventStore(env, pool);
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  } finally {
    await pool.end();
    await database.close();
  }
}
