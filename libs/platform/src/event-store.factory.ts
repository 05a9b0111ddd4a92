import type { Pool } from 'pg';
import type { Environment } from '@app/config';
import { EventStore, EventStoreDbEventStore, PostgresEventStore } from '@app/event-store';

/** The configured event store: the built-in PostgreSQL one (default) or EventStoreDB. */
export async function createEventStore(env: Environment, pool: Pool): Promise<EventStore> {
  if (env.EVENT_STORE === 'eventstoredb') {
    return EventStoreDbEventStore.fromConnectionString(env.EVENTSTORE_CONNECTION_STRING as string);
  }
  const store = new PostgresEventStore(pool);
  await store.migrate();
  return store;
}
