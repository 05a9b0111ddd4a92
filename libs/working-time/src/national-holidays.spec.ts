import { defaultCalendarData, defaultHolidays, validateCalendarData, WorkingTimeError } from '@app/working-time';

describe('fixed-date national holidays (Bộ luật Lao động 2019 Điều 112.1)', () => {
  it('ships 1/1, 30/4, 1/5, and 2/9 with the day before by default', () => {
    expect(defaultHolidays(2026).map((holiday) => holiday.date)).toEqual([
      '2026-01-01',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('takes the day after 2/9 when the year decides so', () => {
    const dates = defaultHolidays(2024, { nationalDayAdjacent: 'AFTER' }).map((holiday) => holiday.date);
    expect(dates.slice(-2)).toEqual(['2024-09-02', '2024-09-03']);
  });

  it('names every holiday', () => {
    expect(defaultHolidays(2026).every((holiday) => (holiday.name ?? '').length > 0)).toBe(true);
  });

  it('refuses a year that is not four digits', () => {
    expect(() => defaultHolidays(26)).toThrow(WorkingTimeError);
    expect(() => defaultHolidays(2026.5)).toThrow(WorkingTimeError);
  });

  it('seeds valid calendar data: Monday–Friday 08:00–12:00 and 13:00–17:00 with the year’s holidays', () => {
    const data = defaultCalendarData(2026);
    expect(() => validateCalendarData(data)).not.toThrow();
    expect(data.weeklySessions.MONDAY).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(data.weeklySessions.SATURDAY).toBeUndefined();
    expect(data.years).toEqual([{ year: 2026, holidays: defaultHolidays(2026), makeUpWorkdays: [] }]);
  });
});
