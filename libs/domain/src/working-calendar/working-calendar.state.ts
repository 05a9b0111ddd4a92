import { DEFAULT_WEEKLY_SESSIONS, type WorkingCalendarData } from '@app/working-time';

/**
 * The calendar of an agency that never set one: Monday to Friday, 08:00–12:00 and 13:00–17:00, and every year
 * the fixed-date holidays of the Labour Code (a year not listed falls back to them).
 */
export const DEFAULT_AGENCY_CALENDAR: WorkingCalendarData = Object.freeze({ weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [] });

export type WorkingCalendarState =
  | { readonly status: 'DEFAULT' }
  | { readonly status: 'CONFIGURED'; readonly agencyCode: string; readonly calendar: WorkingCalendarData };

/** The calendar in force for this state. */
export function calendarOf(state: WorkingCalendarState): WorkingCalendarData {
  return state.status === 'CONFIGURED' ? state.calendar : DEFAULT_AGENCY_CALENDAR;
}
