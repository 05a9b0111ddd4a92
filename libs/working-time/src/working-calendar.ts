import {
  WEEKDAYS,
  type SessionData,
  type WorkingCalendarData,
  type YearCalendarData,
} from './calendar-data';
import { defaultHolidays } from './national-holidays';
import { validateCalendarData } from './validate-calendar-data';
import {
  HOUR_MS,
  MINUTE_MS,
  dayNumberOf,
  dayNumberOfDateOrInstant,
  epochMs,
  formatVietnamIso,
  localDateOfDayNumber,
  minutesOfTimeOfDay,
  parseLocalDate,
  startOfDayMs,
  weekdayIndexOf,
  yearOfDayNumber,
  type Instant,
  type LocalDate,
} from './vietnam-time';
import { WorkingTimeError } from './working-time-error';

/** Milliseconds after local midnight, covering [start, end). */
interface Session {
  readonly start: number;
  readonly end: number;
}

interface YearRules {
  readonly holidays: ReadonlySet<number>;
  readonly makeUpWorkdays: ReadonlyMap<number, readonly Session[]>;
}

/** A working session as instants, e.g. `{ start: '2026-11-23T08:00:00+07:00', end: '2026-11-23T12:00:00+07:00' }`. */
export interface WorkingSession {
  readonly start: string;
  readonly end: string;
}

/** How far to look for the next working day before calling the data broken; real breaks (Tết) last about 9 days. */
const MAX_DAYS_WITHOUT_WORK = 366;

function compileSessions(sessions: readonly SessionData[]): readonly Session[] {
  return sessions
    .map((session) => ({
      start: (minutesOfTimeOfDay(session.start) as number) * MINUTE_MS,
      end: (minutesOfTimeOfDay(session.end) as number) * MINUTE_MS,
    }))
    .sort((a, b) => a.start - b.start);
}

function compileYear(
  { holidays, makeUpWorkdays }: Pick<YearCalendarData, 'holidays' | 'makeUpWorkdays'>,
  mondaySessions: readonly Session[],
): YearRules {
  return {
    holidays: new Set(holidays.map((holiday) => parseLocalDate(holiday.date) as number)),
    makeUpWorkdays: new Map(
      makeUpWorkdays.map((day) => [
        parseLocalDate(day.date) as number,
        day.sessions ? compileSessions(day.sessions) : mondaySessions,
      ]),
    ),
  };
}

/**
 * Working-time arithmetic for one agency, in Vietnam time (fixed UTC+07:00, see vietnam-time.ts).
 *
 * Conventions:
 * - A session covers [start, end): 12:00 and 17:00 are outside 08:00–12:00 / 13:00–17:00.
 * - Instants come as `Date` or ISO 8601 strings with an offset; results are ISO strings with
 *   `+07:00` (see `toVietnamIso`), to the millisecond.
 * - Counting starts from `normalize(instant)`: time outside working hours counts from the start of
 *   the next session (Khánh Hòa QĐ 04/2021 Điều 10.2).
 * - Deadlines land on a session end ("by 17:00"), never on the next session's start.
 */
export class WorkingCalendar {
  /** Years not in the data, compiled from the fixed-date holidays on first use. */
  private readonly defaultYears = new Map<number, YearRules>();

  private constructor(
    private readonly weekly: readonly (readonly Session[])[],
    private readonly listedYears: ReadonlyMap<number, YearRules>,
  ) {}

  /** Validates the data (throws `WorkingTimeError` with code `INVALID_CALENDAR_DATA`) and compiles it. */
  static fromData(data: WorkingCalendarData): WorkingCalendar {
    validateCalendarData(data);
    const weekly = WEEKDAYS.map((weekday) => compileSessions(data.weeklySessions[weekday] ?? []));
    const listedYears = new Map(data.years.map((year) => [year.year, compileYear(year, weekly[0])]));
    return new WorkingCalendar(weekly, listedYears);
  }

  /** True iff the instant is inside a session of a working day. */
  isWorkingInstant(instant: Instant): boolean {
    const ms = epochMs(instant);
    const day = dayNumberOf(ms);
    const sinceMidnight = ms - startOfDayMs(day);
    return this.sessionsOn(day).some((session) => session.start <= sinceMidnight && sinceMidnight < session.end);
  }

  /** The instant itself when it is working time, otherwise the start of the next session (Khánh Hòa Điều 10.2). */
  normalize(instant: Instant): string {
    return formatVietnamIso(this.normalizeMs(epochMs(instant)));
  }

  /**
   * The earliest instant by which `hours` of working time have passed since `normalize(instant)`.
   * Fractional hours are fine (0.5 = 30 minutes). With `hours` = 0 the result is `normalize(instant)`;
   * otherwise a result at a session end stays there (4 h from 08:00 is 12:00, not 13:00).
   */
  addWorkingHours(instant: Instant, hours: number): string {
    if (!Number.isFinite(hours) || hours < 0) {
      throw new WorkingTimeError('INVALID_ARGUMENT', `hours must be a finite number ≥ 0, got ${hours}`);
    }
    return formatVietnamIso(this.addWorkingMs(epochMs(instant), Math.round(hours * HOUR_MS)));
  }

  /** Working time in [from, to) in milliseconds; negative when `to` is before `from`. */
  workingTimeBetween(from: Instant, to: Instant): number {
    const a = epochMs(from);
    const b = epochMs(to);
    // `0 - x` rather than `-x`, so that no working time is 0 and not -0.
    if (b < a) return 0 - this.workingMsBetween(b, a);
    return this.workingMsBetween(a, b);
  }

  /** End of the last session of the working day of `normalize(instant)`: "the same day", or the next working day when off-hours. */
  endOfWorkingDay(instant: Instant): string {
    return this.addWorkingDays(instant, 0);
  }

  /**
   * End of the last session of the n-th working day after the day of `normalize(instant)`: the day of
   * receipt is day 0, so 10 working days from Monday 23/11/2026 09:00 is Monday 7/12/2026 17:00.
   */
  addWorkingDays(instant: Instant, days: number): string {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new WorkingTimeError('INVALID_ARGUMENT', `days must be a whole number ≥ 0, got ${days}`);
    }
    let day = dayNumberOf(this.normalizeMs(epochMs(instant)));
    for (let i = 0; i < days; i++) day = this.nextWorkingDayNumber(day);
    const sessions = this.sessionsOn(day);
    return formatVietnamIso(startOfDayMs(day) + sessions[sessions.length - 1].end);
  }

  /** Decree 30 Điều 4.2.c "at the latest the next working day": `addWorkingDays(instant, 1)`. */
  endOfNextWorkingDay(instant: Instant): string {
    return this.addWorkingDays(instant, 1);
  }

  /**
   * "At the latest the next working morning" (QĐ 28/2018 Điều 6.2): end of the first session of the
   * working day after the day of `normalize(instant)`.
   */
  endOfNextWorkingMorning(instant: Instant): string {
    const day = this.nextWorkingDayNumber(dayNumberOf(this.normalizeMs(epochMs(instant))));
    return formatVietnamIso(startOfDayMs(day) + this.sessionsOn(day)[0].end);
  }

  /** Whether the date (`YYYY-MM-DD`, or the Vietnam date of an instant) has working sessions. */
  isWorkingDay(date: LocalDate | Instant): boolean {
    return this.sessionsOn(dayNumberOfDateOrInstant(date)).length > 0;
  }

  /** The first working day strictly after the date (`YYYY-MM-DD`, or the Vietnam date of an instant). */
  nextWorkingDay(date: LocalDate | Instant): LocalDate {
    return localDateOfDayNumber(this.nextWorkingDayNumber(dayNumberOfDateOrInstant(date)));
  }

  /** The sessions of the date in order, empty on a day off; e.g. to schedule digests at session starts. */
  workingSessionsOn(date: LocalDate | Instant): WorkingSession[] {
    const day = dayNumberOfDateOrInstant(date);
    const midnight = startOfDayMs(day);
    return this.sessionsOn(day).map((session) => ({
      start: formatVietnamIso(midnight + session.start),
      end: formatVietnamIso(midnight + session.end),
    }));
  }

  private sessionsOn(day: number): readonly Session[] {
    const rules = this.rulesFor(yearOfDayNumber(day));
    if (rules.holidays.has(day)) return [];
    return rules.makeUpWorkdays.get(day) ?? this.weekly[weekdayIndexOf(day)];
  }

  private rulesFor(year: number): YearRules {
    const listed = this.listedYears.get(year);
    if (listed) return listed;
    let rules = this.defaultYears.get(year);
    if (!rules) {
      rules = compileYear({ holidays: defaultHolidays(year), makeUpWorkdays: [] }, this.weekly[0]);
      this.defaultYears.set(year, rules);
    }
    return rules;
  }

  private nextWorkingDayNumber(day: number): number {
    for (let candidate = day + 1; candidate <= day + MAX_DAYS_WITHOUT_WORK; candidate++) {
      if (this.sessionsOn(candidate).length > 0) return candidate;
    }
    throw new WorkingTimeError(
      'NO_WORKING_TIME',
      `No working day in the ${MAX_DAYS_WITHOUT_WORK} days after ${localDateOfDayNumber(day)}: check the calendar's holidays`,
    );
  }

  private normalizeMs(ms: number): number {
    const day = dayNumberOf(ms);
    const midnight = startOfDayMs(day);
    for (const session of this.sessionsOn(day)) {
      if (ms < midnight + session.end) return Math.max(ms, midnight + session.start);
    }
    return this.firstSessionStart(this.nextWorkingDayNumber(day));
  }

  private firstSessionStart(day: number): number {
    return startOfDayMs(day) + this.sessionsOn(day)[0].start;
  }

  /** Consumes sessions day by day; terminates because every working day has some working time. */
  private addWorkingMs(from: number, amount: number): number {
    let ms = this.normalizeMs(from);
    let remaining = amount;
    for (;;) {
      const day = dayNumberOf(ms);
      const midnight = startOfDayMs(day);
      for (const session of this.sessionsOn(day)) {
        const start = Math.max(ms, midnight + session.start);
        const end = midnight + session.end;
        if (start >= end) continue;
        if (remaining <= end - start) return start + remaining;
        remaining -= end - start;
      }
      ms = this.firstSessionStart(this.nextWorkingDayNumber(day));
    }
  }

  private workingMsBetween(from: number, to: number): number {
    let total = 0;
    for (let day = dayNumberOf(from); day <= dayNumberOf(to); day++) {
      const midnight = startOfDayMs(day);
      for (const session of this.sessionsOn(day)) {
        total += Math.max(0, Math.min(to, midnight + session.end) - Math.max(from, midnight + session.start));
      }
    }
    return total;
  }
}

