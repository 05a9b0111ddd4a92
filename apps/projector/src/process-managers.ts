import { Pool } from 'pg';
import { AgencyDeadlines, CalendarProvider, DEFAULT_DEADLINE_SETTINGS } from '@app/agency-calendars';
import { createEventStore } from '@app/platform';
import { standaloneInterconnectRunner } from '@app/process-managers';
import { jsonLoggerAt } from '@app/projection-runner';
import type { ProjectorConfig } from './projector-config';

export interface RunningProcessManagers {
  /** Lets the event in progress finish, then closes the connections. */
  close(): Promise<void>;
}

/**
 * The liên thông process managers (libs/process-managers) on connections of their own. They read the recipient
 * agencies' working calendars from the calendars read model, which must exist: start them after the projections.
 */
export async function startProcessManagers({ env, databaseUrl }: ProjectorConfig): Promise<RunningProcessManagers> {
  const logger = jsonLoggerAt(env.LOG_LEVEL, { service: 'projector', component: 'process-managers' });
  const pool = new Pool({ connectionString: databaseUrl, max: 5 });
  const store = await createEventStore(env, pool).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  const calendars = new CalendarProvider(pool, (error) => logger.warn('Could not refresh the working calendars', { error }));
  const runner = standaloneInterconnectRunner({ pool, store, deadlines: new AgencyDeadlines(calendars, DEFAULT_DEADLINE_SETTINGS), logger });
  const close = async () => {
    await runner.stop();
    calendars.stop();
    await store.close();
    await pool.end();
  };
  try {
    await calendars.start();
    await runner.start();
  } catch (error) {
    await close();
    throw error;
  }
  return { close };
}
