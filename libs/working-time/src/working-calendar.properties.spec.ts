import fc from 'fast-check';
import {
  DEFAULT_WEEKLY_SESSIONS,
  HOUR_MS,
  MINUTE_MS,
  WEEKDAYS,
  WorkingCalendar,
  defaultHolidays,
  parseInstant,
  toVietnamIso,
  vietnamLocalDate,
  type SessionData,
  type WorkingCalendarData,
} from '@app/working-time';

const ms = (iso: string): number => parseInstant(iso).getTime();
const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Non-overlapping sessions on a 15-minute grid, possibly ending at 24:00. */
const sessionsArb = (minLength: number): fc.Arbitrary<SessionData[]> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: minLength * 2, maxLength: 6 })
    .map((points) => {
      const sorted = [...points].sort((a, b) => a - b).slice(0, points.length - (points.length % 2));
      const sessions: SessionData[] = [];
      for (let i = 0; i < sorted.length; i += 2) {
        sessions.push({ start: hhmm(sorted[i] * 15), end: hhmm(sorted[i + 1] * 15) });
      }
      return sessions;
    });

const date2026 = (dayOfYear: number): string => new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** Any agency's calendar: random weekly sessions, 2026 holidays and make-up days; 2025 and 2027 use the defaults. */
const calendarDataArb: fc.Arbitrary<WorkingCalendarData> = fc
  .record({
    weekly: fc.array(sessionsArb(0), { minLength: 7, maxLength: 7 }),
    holidayDays: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 60 }),
    makeUpDays: fc.uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 364 }), sessions: fc.option(sessionsArb(1)) }), {
      maxLength: 10,
      selector: (makeUp) => makeUp.day,
    }),
  })
  .filter(({ weekly }) => weekly.some((sessions) => sessions.length > 0))
  .map(({ weekly, holidayDays, makeUpDays }) => ({
    weeklySessions: Object.fromEntries(WEEKDAYS.map((weekday, i) => [weekday, weekly[i]])),
    years: [
      {
        year: 2026,
        holidays: holidayDays.map((day) => ({ date: date2026(day) })),
        makeUpWorkdays: makeUpDays
          .filter(({ day }) => !holidayDays.includes(day))
          .map(({ day, sessions }) => ({
            date: date2026(day),
            sessions: sessions ?? (weekly[0].length > 0 ? undefined : [{ start: '08:00', end: '12:00' }]),
          })),
      },
    ],
  }));

const defaultish: WorkingCalendarData = {
  weeklySessions: DEFAULT_WEEKLY_SESSIONS,
  years: [{ year: 2026, holidays: defaultHolidays(2026), makeUpWorkdays: [{ date: '2026-03-07' }] }],
};

const calendarArb = fc.oneof(fc.constant(defaultish), calendarDataArb).map((data) => WorkingCalendar.fromData(data));

const FROM = Date.UTC(2025, 11, 1);
const TO = Date.UTC(2027, 1, 1);
/** Instants from December 2025 to January 2027, often exactly on a minute or a quarter-hour ± 1 ms. */
const anyInstantArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / MINUTE_MS, max: TO / MINUTE_MS }).map((minute) => minute * MINUTE_MS),
  fc
    .tuple(fc.integer({ min: FROM / (15 * MINUTE_MS), max: TO / (15 * MINUTE_MS) }), fc.constantFrom(-1, 0, 1))
    .map(([quarter, shift]) => quarter * 15 * MINUTE_MS + shift),
);

/** A session start or end of the calendar ± 1 ms, where off-by-one mistakes live. */
const boundaryArb = (calendar: WorkingCalendar): fc.Arbitrary<number> =>
  fc
    .tuple(fc.integer({ min: FROM, max: TO }), fc.nat(), fc.constantFrom(-1, 0, 1))
    .map(([epoch, pick, shift]) => {
      const boundaries = calendar
        .workingSessionsOn(new Date(epoch))
        .flatMap((session) => [ms(session.start), ms(session.end)]);
      return (boundaries.length > 0 ? boundaries[pick % boundaries.length] : epoch) + shift;
    });

const instantArb = (calendar: WorkingCalendar): fc.Arbitrary<string> =>
  fc.oneof(anyInstantArb, boundaryArb(calendar)).map((epoch) => toVietnamIso(new Date(epoch)));

/** A calendar with `count` instants to try it on. */
const calendarWith = (count: number): fc.Arbitrary<[WorkingCalendar, ...string[]]> =>
  calendarArb.chain((calendar) =>
    fc.tuple(fc.constant(calendar), ...Array.from({ length: count }, () => instantArb(calendar))),
  );

/** Hours as whole minutes, so that sums of hours are exact in milliseconds. */
const hoursArb = (minMinutes = 0): fc.Arbitrary<number> =>
  fc.integer({ min: minMinutes, max: 60 * 60 }).map((minutes) => minutes / 60);

describe('WorkingCalendar properties', () => {
  it('normalize is idempotent, never moves backwards, and lands on the first working instant', () => {
    fc.assert(
      fc.property(calendarWith(1), ([calendar, x]) => {
        const n = calendar.normalize(x);
        expect(calendar.normalize(n)).toBe(n);
        expect(ms(n)).toBeGreaterThanOrEqual(ms(x));
        const inASession = calendar
          .workingSessionsOn(vietnamLocalDate(n))
          .some((session) => ms(session.start) <= ms(n) && ms(n) < ms(session.end));
        expect(inASession).toBe(true);
        expect(calendar.isWorkingInstant(n)).toBe(true);
        expect(n === toVietnamIso(x)).toBe(calendar.isWorkingInstant(x));
        expect(calendar.workingTimeBetween(x, n)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingHours(x, a + b) = addWorkingHours(addWorkingHours(x, a), b) for b > 0', () => {
    fc.assert(
      fc.property(calendarWith(1), hoursArb(), hoursArb(1), ([calendar, x], a, b) => {
        expect(calendar.addWorkingHours(calendar.addWorkingHours(x, a), b)).toBe(calendar.addWorkingHours(x, a + b));
      }),
      { numRuns: 300 },
    );
  });

  it('workingTimeBetween(x, addWorkingHours(x, h)) = h', () => {
    fc.assert(
      fc.property(calendarWith(1), hoursArb(), ([calendar, x], h) => {
        expect(calendar.workingTimeBetween(x, calendar.addWorkingHours(x, h))).toBe(Math.round(h * HOUR_MS));
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingHours is monotonic in hours', () => {
    fc.assert(
      fc.property(calendarWith(1), hoursArb(), hoursArb(), ([calendar, x], h1, h2) => {
        const [low, high] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(ms(calendar.addWorkingHours(x, low))).toBeLessThanOrEqual(ms(calendar.addWorkingHours(x, high)));
      }),
    );
  });

  it('addWorkingHours ends in working time or exactly at a session end, after normalize(x)', () => {
    fc.assert(
      fc.property(calendarWith(1), hoursArb(1), ([calendar, x], h) => {
        const result = ms(calendar.addWorkingHours(x, h));
        expect(result).toBeGreaterThan(ms(calendar.normalize(x)));
        // The last millisecond counted is working time: the result is inside a session or at its end.
        expect(calendar.isWorkingInstant(new Date(result - 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('workingTimeBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(calendarWith(3), ([calendar, a, b, c]) => {
        const ab = calendar.workingTimeBetween(a, b);
        expect(ab + calendar.workingTimeBetween(b, c)).toBe(calendar.workingTimeBetween(a, c));
        expect(calendar.workingTimeBetween(b, a)).toBe(0 - ab);
      }),
    );
  });

  it('addWorkingDays ends the last session of a working day, one working day further for each n', () => {
    fc.assert(
      fc.property(calendarWith(1), fc.integer({ min: 0, max: 15 }), ([calendar, x], n) => {
        const due = calendar.addWorkingDays(x, n);
        const lastDay = vietnamLocalDate(new Date(ms(due) - 1));
        expect(calendar.workingSessionsOn(lastDay).at(-1)?.end).toBe(due);
        const next = calendar.addWorkingDays(x, n + 1);
        expect(vietnamLocalDate(new Date(ms(next) - 1))).toBe(calendar.nextWorkingDay(lastDay));
        if (n === 0) expect(ms(due)).toBeGreaterThan(ms(calendar.normalize(x)));
      }),
    );
  });

  it('the next working morning ends within the next working day, after the current one', () => {
    fc.assert(
      fc.property(calendarWith(1), ([calendar, x]) => {
        const endOfToday = ms(calendar.endOfWorkingDay(x));
        const morning = ms(calendar.endOfNextWorkingMorning(x));
        const nextDay = ms(calendar.endOfNextWorkingDay(x));
        expect(morning).toBeGreaterThan(endOfToday);
        expect(morning).toBeLessThanOrEqual(nextDay);
      }),
    );
  });

  it('results are +07:00 strings that round-trip and sort chronologically', () => {
    fc.assert(
      fc.property(anyInstantArb, anyInstantArb, (epochA, epochB) => {
        const [a, b] = [toVietnamIso(new Date(epochA)), toVietnamIso(new Date(epochB))];
        expect(a).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+07:00$/);
        expect(ms(a)).toBe(epochA);
        expect(vietnamLocalDate(a)).toBe(a.slice(0, 10));
        expect(Math.sign(a < b ? -1 : a > b ? 1 : 0)).toBe(Math.sign(epochA - epochB));
      }),
    );
  });
});
