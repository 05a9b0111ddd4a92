import { Injectable } from '@nestjs/common';
import { DEFAULT_WEEKLY_SESSIONS, WorkingCalendar } from '@app/working-time';

/**
 * The working calendar of each agency (architecture.md §7: per agency configuration, defaults shipped in
 * the repo). Every agency uses the shipped calendar for now: Monday to Friday 08:00–12:00 and 13:00–17:00 and
 * the fixed-date national holidays of every year; an agency's own sessions and yearly holidays plug in here.
 */
@Injectable()
export class CalendarProvider {
  private readonly shipped = WorkingCalendar.fromData({ weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [] });

  forAgency(_agencyCode: string): WorkingCalendar {
    return this.shipped;
  }
}
