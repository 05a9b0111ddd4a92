/*
 * The plain, JSON-safe shape of a working calendar: what agency configuration and events store.
 * `WorkingCalendar.fromData` validates it and compiles it for the arithmetic.
 */

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A working session in Vietnam local time, `HH:mm`. It covers [start, end): 12:00 is not in 08:00–12:00. `end` may be `24:00`. */
export interface SessionData {
  readonly start: string;
  readonly end: string;
}

/** Sessions per weekday; a weekday that is missing or empty is a day off. */
export type WeeklySessionsData = Readonly<Partial<Record<Weekday, readonly SessionData[]>>>;

/** A date off: a public holiday, or a weekday given off in a yearly swap. */
export interface HolidayData {
  readonly date: string;
  readonly name?: string;
}

/** A date that works although the weekly schedule says it does not (a make-up Saturday). */
export interface MakeUpWorkdayData {
  readonly date: string;
  readonly name?: string;
  /** Replaces the weekly sessions of that date. Defaults to the Monday sessions. */
  readonly sessions?: readonly SessionData[];
}

/** One year's dates as fixed by that year's decisions. Every date lies inside `year`. */
export interface YearCalendarData {
  readonly year: number;
  readonly holidays: readonly HolidayData[];
  readonly makeUpWorkdays: readonly MakeUpWorkdayData[];
}

/**
 * A year listed in `years` is taken exactly as given, so its holidays must include the fixed-date
 * ones (start from `defaultHolidays(year)`). A year not listed follows the Labour Code's fixed-date
 * holidays with no swaps, so a deadline that runs into an unconfigured year still skips 1 January.
 */
export interface WorkingCalendarData {
  readonly weeklySessions: WeeklySessionsData;
  readonly years: readonly YearCalendarData[];
}
