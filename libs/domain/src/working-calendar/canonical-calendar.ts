import {
  WEEKDAYS,
  type SessionData,
  type WeeklySessionsData,
  type Weekday,
  type WorkingCalendarData,
  type YearCalendarData,
} from '@app/working-time';
import { normalizeText } from '../shared/text';

/**
 * One spelling per calendar, so that "did anything change?" is a string comparison: weekdays in WEEKDAYS order
 * without empty ones, sessions by start, years ascending, dates ascending, names NFC and trimmed (an empty name
 * is no name). Built key by key, so the key order of stored JSON (jsonb sorts keys) does not matter.
 * Expects data that passed `calendarDataProblems`.
 */
export function canonicalCalendar(data: WorkingCalendarData): WorkingCalendarData {
  return {
    weeklySessions: canonicalWeekly(data.weeklySessions),
    years: data.years.map(canonicalYear).sort((a, b) => a.year - b.year),
  };
}

/** `current` with the weekly schedule replaced when `weeklySessions` is given, and each year of `years` replaced whole. */
export function mergeCalendar(
  current: WorkingCalendarData,
  change: { readonly weeklySessions?: WeeklySessionsData | null; readonly years: readonly YearCalendarData[] },
): WorkingCalendarData {
  const replaced = new Set(change.years.map((entry) => entry.year));
  return canonicalCalendar({
    weeklySessions: change.weeklySessions ?? current.weeklySessions,
    years: [...current.years.filter((entry) => !replaced.has(entry.year)), ...change.years],
  });
}

export function sameCalendarPart(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The path a problem of `calendarDataProblems` starts with, e.g. `years[0].holidays[2].date`. */
export function problemField(problem: string): string {
  return /^[A-Za-z]+(?:\[\d+\]|\.[A-Za-z]+)*/.exec(problem)?.[0] ?? 'calendar';
}

function canonicalWeekly(weekly: WeeklySessionsData): WeeklySessionsData {
  const result: Partial<Record<Weekday, readonly SessionData[]>> = {};
  for (const weekday of WEEKDAYS) {
    const sessions = weekly[weekday];
    if (sessions && sessions.length > 0) result[weekday] = canonicalSessions(sessions);
  }
  return result;
}

function canonicalYear(entry: YearCalendarData): YearCalendarData {
  return {
    year: entry.year,
    holidays: entry.holidays.map((holiday) => ({ date: holiday.date, ...named(holiday.name) })).sort(byDate),
    makeUpWorkdays: entry.makeUpWorkdays
      .map((day) => ({ date: day.date, ...named(day.name), ...(day.sessions ? { sessions: canonicalSessions(day.sessions) } : {}) }))
      .sort(byDate),
  };
}

function canonicalSessions(sessions: readonly SessionData[]): SessionData[] {
  // `HH:mm` strings order as times.
  return sessions.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start.localeCompare(b.start));
}

function named(name: string | undefined): { name?: string } {
  const text = name === undefined ? '' : normalizeText(name);
  return text === '' ? {} : { name: text };
}

function byDate(a: { readonly date: string }, b: { readonly date: string }): number {
  return a.date.localeCompare(b.date);
}
