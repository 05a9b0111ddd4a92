import { Global, Module } from '@nestjs/common';
import { AgencyDeadlines } from './agency-deadlines';
import { CalendarProvider } from './calendar.provider';
import { DateTimeScalar } from './date-time.scalar';
import { DEADLINE_SETTINGS, DEFAULT_DEADLINE_SETTINGS } from './deadline-settings';
import { OpenReceiptQueries } from './open-receipts.queries';
import { ProcessCheckpoints } from './process-checkpoints';
import { ReceiptDeadlinesRecompute } from './receipt-deadlines-recompute';
import { WorkingCalendarResolver } from './working-calendar.resolver';

/**
 * Working time per agency: its calendar (set by its ADMIN, read from the calendars read model), the deadline rules,
 * the recompute of open receipt deadlines when a calendar changes, and the `DateTime` scalar in Vietnam time.
 */
@Global()
@Module({
  providers: [
    CalendarProvider,
    AgencyDeadlines,
    DateTimeScalar,
    { provide: DEADLINE_SETTINGS, useValue: DEFAULT_DEADLINE_SETTINGS },
    WorkingCalendarResolver,
    OpenReceiptQueries,
    ProcessCheckpoints,
    ReceiptDeadlinesRecompute,
  ],
  exports: [CalendarProvider, AgencyDeadlines],
})
export class CalendarModule {}
