import { Pool } from 'pg';
import { AgencyDeadlines, CalendarProvider, DEFAULT_DEADLINE_SETTINGS } from '@app/agency-calendars';
import type { GlobalPosition } from '@app/event-store';
import { createEventStore } from '@app/platform';
import { standaloneRunner, systemManagers } from '@app/process-managers';
import { openReceipts } from '@app/projections';
import { jsonLoggerAt } from '@app/projection-runner';
import type { ProjectorConfig } from './projector-config';

export interface RunningProcessManagers {
  /** Lets the event in progress finish, then closes the connections. */
  close(): Promise<void>;
}

/**
 * The process managers (libs/process-managers: liên thông, and the receipt deadline recompute) on connections of
 * their own. They read the agencies' working calendars and the open receipts from the read models, which must
 * exist: start them after the projections. `waitForReadModels`: the projector's wait for its projections.
 */
export async function startProcessManagers(
  { env, databaseUrl }: ProjectorConfig,
  waitForReadModels: (position: GlobalPosition) => Promise<void>,
): Promise<RunningProcessManagers> {
  const logger = jsonLoggerAt(env.LOG_LEVEL, { service: 'projector', component: 'process-managers' });
  const pool = new Pool({ connectionString: databaseUrl, max: 5 });
  const store = await createEventStore(env, pool).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  const calendars = new CalendarProvider(pool, (error) => logger.warn('Could not refresh the working calendars', { error }));
  const deadlines = new AgencyDeadlines(calendars, DEFAULT_DEADLINE_SETTINGS);
  const managers = systemManagers({ store, waitForReadModels, openReceipts: (agencyCode) => openReceipts(pool, agencyCode), deadlines });
  const runner = standaloneRunner({ pool, store, managers, logger });
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
