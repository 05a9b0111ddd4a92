import { Global, Module } from '@nestjs/common';
import { AgencyDeadlines } from './agency-deadlines';
import { CalendarProvider } from './calendar.provider';
import { DateTimeScalar } from './date-time.scalar';
import { DEADLINE_SETTINGS, DEFAULT_DEADLINE_SETTINGS } from './deadline-settings';

/** Working time per agency (calendars and deadline rules) and the `DateTime` scalar in Vietnam time. */
@Global()
@Module({
  providers: [CalendarProvider, AgencyDeadlines, DateTimeScalar, { provide: DEADLINE_SETTINGS, useValue: DEFAULT_DEADLINE_SETTINGS }],
  exports: [CalendarProvider, AgencyDeadlines],
})
export class CalendarModule {}
