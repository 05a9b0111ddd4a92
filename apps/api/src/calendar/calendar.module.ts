import { Global, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Pool } from 'pg';
import { AgencyDeadlines, CalendarProvider, DEFAULT_DEADLINE_SETTINGS } from '@app/agency-calendars';
import { PG_POOL } from '../runtime/tokens';
import { DateTimeScalar } from './date-time.scalar';
import { WorkingCalendarResolver } from './working-calendar.resolver';

/** Keeps the calendars loaded and following the read model while the api runs. */
@Injectable()
class CalendarFollowing implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly calendars: CalendarProvider) {}

  onApplicationBootstrap(): Promise<void> {
    return this.calendars.start();
  }

  onModuleDestroy(): void {
    this.calendars.stop();
  }
}

const logger = new Logger('CalendarProvider');

/**
 * Working time per agency: its calendar (set by its ADMIN, read from the calendars read model, kept by
 * libs/agency-calendars), the deadline rules and the `DateTime` scalar in Vietnam time. The recompute of open
 * receipt deadlines after a calendar change is a process manager (libs/process-managers).
 */
@Global()
@Module({
  providers: [
    {
      provide: CalendarProvider,
      useFactory: (pool: Pool) => new CalendarProvider(pool, (error) => logger.warn(`Could not refresh the working calendars: ${String(error)}`)),
      inject: [PG_POOL],
    },
    CalendarFollowing,
    {
      provide: AgencyDeadlines,
      useFactory: (calendars: CalendarProvider) => new AgencyDeadlines(calendars, DEFAULT_DEADLINE_SETTINGS),
      inject: [CalendarProvider],
    },
    DateTimeScalar,
    WorkingCalendarResolver,
  ],
  exports: [CalendarProvider, AgencyDeadlines],
})
export class CalendarModule {}
