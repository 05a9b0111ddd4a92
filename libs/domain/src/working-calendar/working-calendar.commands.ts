import type { WeeklySessionsData, YearCalendarData } from '@app/working-time';
import type { Command } from '../shared/decider';

/**
 * ADMIN of `agencyCode`. Each year listed replaces that year's dates as a whole (so it must list the fixed-date
 * holidays too: start from `defaultHolidays(year)`); years not listed are kept. `weeklySessions` replaces the
 * weekly schedule when given. Nothing is appended when the result equals the current calendar.
 */
export type SetWorkingCalendar = Command<
  'SetWorkingCalendar',
  {
    agencyCode: string;
    weeklySessions?: WeeklySessionsData | null;
    years: readonly YearCalendarData[];
  }
>;

export type WorkingCalendarCommand = SetWorkingCalendar;
