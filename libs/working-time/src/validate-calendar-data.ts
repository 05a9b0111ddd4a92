import { WEEKDAYS, type WorkingCalendarData } from './calendar-data';
import { minutesOfTimeOfDay, parseLocalDate, yearOfDayNumber } from './vietnam-time';
import { WorkingTimeError } from './working-time-error';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * Every problem in the data, each prefixed with its path (e.g. `years[0].holidays[2].date`).
 * Accepts `unknown` because the data comes from JSON: events, configuration, GraphQL input.
 */
export function calendarDataProblems(data: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(data)) return ['the calendar data must be an object with weeklySessions and years'];
  const hasMondaySessions = checkWeeklySessions(data.weeklySessions, problems);
  checkYears(data.years, hasMondaySessions, problems);
  return problems;
}

/** Throws `WorkingTimeError('INVALID_CALENDAR_DATA')` listing every problem. */
export function validateCalendarData(data: unknown): asserts data is WorkingCalendarData {
  const problems = calendarDataProblems(data);
  if (problems.length > 0) {
    throw new WorkingTimeError('INVALID_CALENDAR_DATA', `Invalid working calendar: ${problems.join('; ')}`, problems);
  }
}

/** Returns whether Monday has sessions, since make-up days default to them. */
function checkWeeklySessions(weekly: unknown, problems: string[]): boolean {
  if (!isRecord(weekly)) {
    problems.push('weeklySessions must be an object keyed by weekday (MONDAY … SUNDAY)');
    return false;
  }
  let sessionCount = 0;
  for (const [weekday, sessions] of Object.entries(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(weekday)) {
      problems.push(`weeklySessions.${weekday}: unknown weekday, expected one of ${WEEKDAYS.join(', ')}`);
    } else if (sessions !== undefined) {
      checkSessions(`weeklySessions.${weekday}`, sessions, problems);
      sessionCount += Array.isArray(sessions) ? sessions.length : 0;
    }
  }
  // Without a weekly session, working time would run out after the last make-up day.
  if (sessionCount === 0) problems.push('weeklySessions: no weekday has a working session');
  return Array.isArray(weekly.MONDAY) && weekly.MONDAY.length > 0;
}

function checkSessions(path: string, sessions: unknown, problems: string[]): void {
  if (!Array.isArray(sessions)) {
    problems.push(`${path} must be a list of { start, end } sessions`);
    return;
  }
  const spans: { start: number; end: number; index: number }[] = [];
  sessions.forEach((session: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(session)) {
      problems.push(`${at} must be a { start, end } session`);
      return;
    }
    const start = minutesOfTimeOfDay(session.start);
    const end = minutesOfTimeOfDay(session.end);
    if (start === undefined) problems.push(`${at}.start: ${show(session.start)} is not a time HH:mm`);
    if (end === undefined) problems.push(`${at}.end: ${show(session.end)} is not a time HH:mm`);
    if (start === undefined || end === undefined) return;
    if (start >= end) {
      problems.push(`${at}: ${show(session.start)}–${show(session.end)} must end after it starts, on the same day`);
      return;
    }
    spans.push({ start, end, index });
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      problems.push(`${path}: sessions [${spans[i - 1].index}] and [${spans[i].index}] overlap`);
    }
  }
}

function checkYears(years: unknown, hasMondaySessions: boolean, problems: string[]): void {
  if (!Array.isArray(years)) {
    problems.push('years must be a list of { year, holidays, makeUpWorkdays }');
    return;
  }
  const seenYears = new Set<number>();
  years.forEach((entry: unknown, index) => {
    const at = `years[${index}]`;
    if (!isRecord(entry)) {
      problems.push(`${at} must be a { year, holidays, makeUpWorkdays } object`);
      return;
    }
    const year = entry.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
      problems.push(`${at}.year: ${show(year)} is not a four-digit year`);
      return;
    }
    if (seenYears.has(year)) problems.push(`${at}.year: ${year} is listed more than once`);
    seenYears.add(year);

    const seenDates = new Map<number, string>();
    const checkDate = (path: string, date: unknown): void => {
      const dayNumber = parseLocalDate(date);
      if (dayNumber === undefined) {
        problems.push(`${path}: ${show(date)} is not a calendar date YYYY-MM-DD`);
      } else if (yearOfDayNumber(dayNumber) !== year) {
        problems.push(`${path}: ${show(date)} is not in ${year}`);
      } else if (seenDates.has(dayNumber)) {
        problems.push(`${path}: ${show(date)} is already listed at ${seenDates.get(dayNumber)}`);
      } else {
        seenDates.set(dayNumber, path);
      }
    };
    const checkName = (path: string, name: unknown): void => {
      if (name !== undefined && typeof name !== 'string') problems.push(`${path}: ${show(name)} is not a string`);
    };

    eachEntry(`${at}.holidays`, entry.holidays, problems, (path, holiday) => {
      checkDate(`${path}.date`, holiday.date);
      checkName(`${path}.name`, holiday.name);
    });
    eachEntry(`${at}.makeUpWorkdays`, entry.makeUpWorkdays, problems, (path, day) => {
      checkDate(`${path}.date`, day.date);
      checkName(`${path}.name`, day.name);
      if (day.sessions === undefined) {
        if (!hasMondaySessions) problems.push(`${path}.sessions: required, since Monday has no sessions to default to`);
      } else if (Array.isArray(day.sessions) && day.sessions.length === 0) {
        problems.push(`${path}.sessions: a make-up working day needs at least one session`);
      } else {
        checkSessions(`${path}.sessions`, day.sessions, problems);
      }
    });
  });
}

function eachEntry(
  path: string,
  list: unknown,
  problems: string[],
  check: (path: string, entry: Record<string, unknown>) => void,
): void {
  if (!Array.isArray(list)) {
    problems.push(`${path} must be a list`);
    return;
  }
  list.forEach((entry: unknown, index) => {
    if (isRecord(entry)) check(`${path}[${index}]`, entry);
    else problems.push(`${path}[${index}] must be an object with a date`);
  });
}
