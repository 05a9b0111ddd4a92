import {
  DEFAULT_WEEKLY_SESSIONS,
  HOUR_MS,
  WorkingCalendar,
  WorkingTimeError,
  defaultCalendarData,
  defaultHolidays,
  type WorkingCalendarData,
} from '@app/working-time';

/** `at('2026-11-23 08:00')` → `'2026-11-23T08:00:00+07:00'`; seconds and milliseconds may follow the minutes. */
const at = (local: string): string => `${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+07:00`;

// An illustrative 2026 (dates for the tests, not the year's actual decisions): the fixed-date holidays,
// Tết Nguyên đán 16–20/2 (mùng 1 Tết is 17/2/2026), a make-up Saturday with the Monday sessions and a
// morning-only one. 2025 and 2027 are not listed, so they follow the fixed-date holidays.
const sample: WorkingCalendarData = {
  weeklySessions: DEFAULT_WEEKLY_SESSIONS,
  years: [
    {
      year: 2026,
      holidays: [
        ...defaultHolidays(2026),
        ...['16', '17', '18', '19', '20'].map((day) => ({ date: `2026-02-${day}`, name: 'Tết Nguyên đán' })),
      ],
      makeUpWorkdays: [
        { date: '2026-03-07', name: 'Làm bù' },
        { date: '2026-03-14', name: 'Làm bù buổi sáng', sessions: [{ start: '08:00', end: '12:00' }] },
      ],
    },
  ],
};
const calendar = WorkingCalendar.fromData(sample);

// Weekdays used below: 2026-11-20 Fri, 2026-11-23 Mon; 2026-08-31 Mon, 1/9 Tue, 2/9 Wed;
// 2025-12-31 Wed, 2026-01-01 Thu, 2026-01-02 Fri; 2026-02-13 Fri; 2026-03-06 Fri; 2027-04-30 Fri.
describe('WorkingCalendar', () => {
  describe('normalize: off-hours count from the start of the next session (Khánh Hòa Điều 10.2)', () => {
    it.each([
      ['inside the morning session', at('2026-11-23 10:15'), at('2026-11-23 10:15')],
      ['at a session start', at('2026-11-23 08:00'), at('2026-11-23 08:00')],
      ['before the day starts', at('2026-11-23 07:59:59.999'), at('2026-11-23 08:00')],
      ['the last millisecond of the morning', at('2026-11-23 11:59:59.999'), at('2026-11-23 11:59:59.999')],
      ['at 12:00 (sessions are [start, end))', at('2026-11-23 12:00'), at('2026-11-23 13:00')],
      ['in the lunch break', at('2026-11-23 12:30'), at('2026-11-23 13:00')],
      ['at 17:00', at('2026-11-23 17:00'), at('2026-11-24 08:00')],
      ['Friday 17:45', at('2026-11-20 17:45'), at('2026-11-23 08:00')],
      ['on Saturday', at('2026-11-21 10:00'), at('2026-11-23 08:00')],
      ['late on Sunday', at('2026-11-22 23:59'), at('2026-11-23 08:00')],
      ['on the day before Quốc khánh', at('2026-09-01 10:00'), at('2026-09-03 08:00')],
      ['before the two Quốc khánh days', at('2026-08-31 17:00'), at('2026-09-03 08:00')],
      ['on 31/12, over 1/1 into 2/1', at('2025-12-31 17:30'), at('2026-01-02 08:00')],
      ['before Tết', at('2026-02-13 17:00'), at('2026-02-23 08:00')],
      ['on Friday evening before a make-up Saturday', at('2026-03-06 18:00'), at('2026-03-07 08:00')],
      ['in the lunch break of a make-up Saturday', at('2026-03-07 12:15'), at('2026-03-07 13:00')],
      ['after a morning-only make-up Saturday', at('2026-03-14 12:00'), at('2026-03-16 08:00')],
      ['before 30/4–1/5 of a year not in the data', at('2027-04-29 17:00'), at('2027-05-03 08:00')],
      ['given in UTC', '2026-11-23T04:30:00Z', at('2026-11-23 11:30')],
      ['given as a Date', new Date('2026-11-22T23:00:00Z'), at('2026-11-23 08:00')],
    ])('%s', (_case, instant, expected) => {
      expect(calendar.normalize(instant)).toBe(expected);
    });
  });

  describe('isWorkingInstant', () => {
    it.each([
      [at('2026-11-23 08:00'), true],
      [at('2026-11-23 11:59:59.999'), true],
      [at('2026-11-23 12:00'), false],
      [at('2026-11-23 17:00'), false],
      [at('2026-11-21 10:00'), false],
      [at('2026-09-02 10:00'), false],
      [at('2026-03-07 10:00'), true],
    ])('%s → %s', (instant, expected) => {
      expect(calendar.isWorkingInstant(instant)).toBe(expected);
    });
  });

  describe('addWorkingHours', () => {
    it.each<[string, string, number, string]>([
      ['half a day ends at the session end, not at the next start', at('2026-11-23 08:00'), 4, at('2026-11-23 12:00')],
      ['8 working hours from the day start (Phú Yên Điều 5.2)', at('2026-11-23 08:00'), 8, at('2026-11-23 17:00')],
      ['8 working hours from mid-morning', at('2026-11-23 10:00'), 8, at('2026-11-24 10:00')],
      ['over the lunch break', at('2026-11-23 11:30'), 1, at('2026-11-23 13:30')],
      ['to the end of the day', at('2026-11-23 16:00'), 1, at('2026-11-23 17:00')],
      ['over the night', at('2026-11-23 16:00'), 1.5, at('2026-11-24 08:30')],
      ['from the lunch break', at('2026-11-23 12:20'), 0.5, at('2026-11-23 13:30')],
      ['a third of an hour', at('2026-11-23 08:00'), 1 / 3, at('2026-11-23 08:20')],
      ['from Friday 17:45', at('2026-11-20 17:45'), 0.5, at('2026-11-23 08:30')],
      ['8 h for a document received on Friday evening', at('2026-11-20 18:00'), 8, at('2026-11-23 17:00')],
      ['the paper copy within 0.5 working day (Khánh Hòa Điều 10.4)', at('2026-11-23 14:00'), 4, at('2026-11-24 09:00')],
      ['a working week', at('2026-11-23 08:00'), 40, at('2026-11-27 17:00')],
      ['over 1/9 and 2/9', at('2026-08-31 16:00'), 3, at('2026-09-03 10:00')],
      ['over the new year', at('2025-12-31 15:00'), 4, at('2026-01-02 10:00')],
      ['into a make-up Saturday', at('2026-03-06 16:00'), 2, at('2026-03-07 09:00')],
      ['over Tết', at('2026-02-13 16:00'), 2, at('2026-02-23 09:00')],
      ['zero hours inside a session', at('2026-11-23 10:00'), 0, at('2026-11-23 10:00')],
      ['zero hours off-hours is the next session start', at('2026-11-23 12:30'), 0, at('2026-11-23 13:00')],
    ])('%s', (_case, instant, hours, expected) => {
      expect(calendar.addWorkingHours(instant, hours)).toBe(expected);
    });

    it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s hours', (hours) => {
      expect(() => calendar.addWorkingHours(at('2026-11-23 08:00'), hours)).toThrow(WorkingTimeError);
    });

    it('refuses an instant without an offset', () => {
      expect(() => calendar.addWorkingHours('2026-11-23T08:00:00', 1)).toThrow('with an offset');
    });
  });

  describe('endOfWorkingDay: the same day, or the next working day when off-hours (Decree 30 Điều 21.2.c)', () => {
    it.each([
      [at('2026-11-23 10:00'), at('2026-11-23 17:00')],
      [at('2026-11-23 07:00'), at('2026-11-23 17:00')],
      [at('2026-11-23 12:30'), at('2026-11-23 17:00')],
      [at('2026-11-23 17:00'), at('2026-11-24 17:00')],
      [at('2026-11-20 17:45'), at('2026-11-23 17:00')],
      [at('2026-03-07 09:00'), at('2026-03-07 17:00')],
      [at('2026-03-14 09:00'), at('2026-03-14 12:00')],
    ])('%s → %s', (instant, expected) => {
      expect(calendar.endOfWorkingDay(instant)).toBe(expected);
    });
  });

  describe('endOfNextWorkingDay: registration due, Decree 30 Điều 4.2.c', () => {
    it.each([
      ['on Monday', at('2026-11-23 10:00'), at('2026-11-24 17:00')],
      ['on Friday', at('2026-11-20 10:00'), at('2026-11-23 17:00')],
      ['off-hours on Friday, so received on Monday', at('2026-11-20 17:45'), at('2026-11-24 17:00')],
      ['before 1/9 and 2/9', at('2026-08-31 10:00'), at('2026-09-03 17:00')],
      ['on 31/12', at('2025-12-31 10:00'), at('2026-01-02 17:00')],
      ['before a make-up Saturday', at('2026-03-06 10:00'), at('2026-03-07 17:00')],
    ])('%s', (_case, instant, expected) => {
      expect(calendar.endOfNextWorkingDay(instant)).toBe(expected);
    });
  });

  describe('endOfNextWorkingMorning: e-documents sent at the latest the next working morning', () => {
    it.each([
      [at('2026-11-23 10:00'), at('2026-11-24 12:00')],
      [at('2026-11-20 15:00'), at('2026-11-23 12:00')],
      [at('2026-02-12 15:00'), at('2026-02-13 12:00')],
      [at('2026-02-13 15:00'), at('2026-02-23 12:00')],
      [at('2026-03-13 15:00'), at('2026-03-14 12:00')],
    ])('%s → %s', (instant, expected) => {
      expect(calendar.endOfNextWorkingMorning(instant)).toBe(expected);
    });
  });

  describe('addWorkingDays: the end of the n-th working day after the day of receipt', () => {
    it.each<[string, number, string]>([
      [at('2026-11-23 09:00'), 10, at('2026-12-07 17:00')],
      [at('2026-11-23 09:00'), 0, at('2026-11-23 17:00')],
      [at('2026-11-21 10:00'), 1, at('2026-11-24 17:00')],
      [at('2026-02-05 10:00'), 10, at('2026-02-26 17:00')],
      [at('2026-03-05 10:00'), 2, at('2026-03-07 17:00')],
    ])('%s + %d working days → %s', (instant, days, expected) => {
      expect(calendar.addWorkingDays(instant, days)).toBe(expected);
    });

    it.each([-1, 1.5, Number.NaN])('refuses %s days', (days) => {
      expect(() => calendar.addWorkingDays(at('2026-11-23 09:00'), days)).toThrow(WorkingTimeError);
    });
  });

  describe('workingTimeBetween (milliseconds)', () => {
    it.each<[string, string, number]>([
      [at('2026-11-23 08:00'), at('2026-11-23 17:00'), 8],
      [at('2026-11-23 11:00'), at('2026-11-23 14:00'), 2],
      [at('2026-11-20 16:00'), at('2026-11-23 09:00'), 2],
      [at('2026-11-23 09:00'), at('2026-11-20 16:00'), -2],
      [at('2026-11-21 08:00'), at('2026-11-22 17:00'), 0],
      [at('2026-08-31 08:00'), at('2026-09-04 17:00'), 24],
      [at('2025-12-31 08:00'), at('2026-01-02 17:00'), 16],
    ])('%s → %s is %d h', (from, to, hours) => {
      expect(calendar.workingTimeBetween(from, to)).toBe(hours * HOUR_MS);
    });

    it('is +0, not -0, when nothing is worked backwards', () => {
      expect(Object.is(calendar.workingTimeBetween(at('2026-11-22 10:00'), at('2026-11-21 10:00')), 0)).toBe(true);
    });
  });

  describe('working days', () => {
    it.each([
      ['2026-11-23', true],
      ['2026-11-21', false],
      ['2026-09-01', false],
      ['2026-09-02', false],
      ['2026-02-17', false],
      ['2026-03-07', true],
      ['2027-01-01', false],
      [at('2026-11-23 00:30'), true],
      ['2026-11-22T17:30:00Z', true],
      ['2026-11-21T16:59:59Z', false],
    ])('isWorkingDay(%s) is %s', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it.each([
      ['2026-11-20', '2026-11-23'],
      ['2026-11-23', '2026-11-24'],
      ['2026-08-31', '2026-09-03'],
      ['2025-12-31', '2026-01-02'],
      ['2026-02-13', '2026-02-23'],
      ['2026-03-06', '2026-03-07'],
      [at('2026-11-20 23:00'), '2026-11-23'],
    ])('nextWorkingDay(%s) is %s', (date, expected) => {
      expect(calendar.nextWorkingDay(date)).toBe(expected);
    });

    it('refuses a date that does not exist', () => {
      expect(() => calendar.isWorkingDay('2026-02-30')).toThrow('is not a calendar date');
    });

    it('lists the sessions of a date', () => {
      expect(calendar.workingSessionsOn('2026-11-23')).toEqual([
        { start: at('2026-11-23 08:00'), end: at('2026-11-23 12:00') },
        { start: at('2026-11-23 13:00'), end: at('2026-11-23 17:00') },
      ]);
      expect(calendar.workingSessionsOn('2026-03-14')).toEqual([
        { start: at('2026-03-14 08:00'), end: at('2026-03-14 12:00') },
      ]);
      expect(calendar.workingSessionsOn('2026-09-02')).toEqual([]);
    });
  });

  describe('per-agency schedules', () => {
    const saturdayMornings = WorkingCalendar.fromData({
      ...defaultCalendarData(2026),
      weeklySessions: { ...DEFAULT_WEEKLY_SESSIONS, SATURDAY: [{ start: '08:00', end: '11:30' }] },
    });

    it('works Saturday mornings', () => {
      expect(saturdayMornings.normalize(at('2026-11-20 17:45'))).toBe(at('2026-11-21 08:00'));
      expect(saturdayMornings.endOfWorkingDay(at('2026-11-21 09:00'))).toBe(at('2026-11-21 11:30'));
      expect(saturdayMornings.endOfNextWorkingMorning(at('2026-11-20 10:00'))).toBe(at('2026-11-21 11:30'));
      expect(saturdayMornings.addWorkingHours(at('2026-11-21 11:00'), 1)).toBe(at('2026-11-23 08:30'));
    });

    it('follows 07:30–11:30 and 13:30–17:00', () => {
      const province = WorkingCalendar.fromData({
        ...defaultCalendarData(2026),
        weeklySessions: {
          MONDAY: [
            { start: '13:30', end: '17:00' },
            { start: '07:30', end: '11:30' },
          ],
          TUESDAY: [{ start: '07:30', end: '11:30' }],
        },
      });
      expect(province.addWorkingHours(at('2026-11-23 07:30'), 8)).toBe(at('2026-11-24 08:00'));
      expect(province.normalize(at('2026-11-23 11:45'))).toBe(at('2026-11-23 13:30'));
      expect(province.endOfNextWorkingMorning(at('2026-11-24 09:00'))).toBe(at('2026-11-30 11:30'));
    });
  });

  it('moves a deadline when a holiday is added to the data (timers are recomputed from data)', () => {
    const withBridgeDay = WorkingCalendar.fromData({
      ...sample,
      years: [{ ...sample.years[0], holidays: [...sample.years[0].holidays, { date: '2026-11-24' }] }],
    });
    expect(calendar.endOfNextWorkingDay(at('2026-11-23 10:00'))).toBe(at('2026-11-24 17:00'));
    expect(withBridgeDay.endOfNextWorkingDay(at('2026-11-23 10:00'))).toBe(at('2026-11-25 17:00'));
  });

  it('throws NO_WORKING_TIME rather than searching forever when a year has no working day', () => {
    const everyDayOf2026 = Array.from({ length: 365 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    }));
    const closed = WorkingCalendar.fromData({
      weeklySessions: DEFAULT_WEEKLY_SESSIONS,
      years: [{ year: 2026, holidays: everyDayOf2026, makeUpWorkdays: [] }],
    });
    expect(() => closed.normalize(at('2026-01-01 10:00'))).toThrow(
      expect.objectContaining({ code: 'NO_WORKING_TIME', message: expect.stringContaining('after 2026-01-01') }),
    );
    expect(closed.normalize(at('2027-01-04 10:00'))).toBe(at('2027-01-04 10:00'));
  });
});
