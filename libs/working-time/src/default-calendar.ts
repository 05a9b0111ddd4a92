import type { SessionData, WeeklySessionsData, WorkingCalendarData } from './calendar-data';
import { defaultHolidays } from './national-holidays';

/** Two sessions, 8 working hours (Bộ luật Lao động 2019 Điều 105). Agencies that differ override them. */
export const DEFAULT_DAY_SESSIONS: readonly SessionData[] = Object.freeze([
  Object.freeze({ start: '08:00', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '17:00' }),
]);

/** Monday to Friday, the 40-hour week of public administration. */
export const DEFAULT_WEEKLY_SESSIONS: WeeklySessionsData = Object.freeze({
  MONDAY: DEFAULT_DAY_SESSIONS,
  TUESDAY: DEFAULT_DAY_SESSIONS,
  WEDNESDAY: DEFAULT_DAY_SESSIONS,
  THURSDAY: DEFAULT_DAY_SESSIONS,
  FRIDAY: DEFAULT_DAY_SESSIONS,
});

/** The default schedule with the year's fixed-date national holidays: the seed an agency's yearly data starts from. */
export function defaultCalendarData(year: number): WorkingCalendarData {
  return {
    weeklySessions: DEFAULT_WEEKLY_SESSIONS,
    years: [{ year, holidays: defaultHolidays(year), makeUpWorkdays: [] }],
  };
}
