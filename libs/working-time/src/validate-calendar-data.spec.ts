import {
  calendarDataProblems,
  defaultCalendarData,
  validateCalendarData,
  WorkingCalendar,
  WorkingTimeError,
  type WorkingCalendarData,
} from '@app/working-time';

const base = defaultCalendarData(2026);
const withYear = (year: Record<string, unknown>): unknown => ({ ...base, years: [{ ...base.years[0], ...year }] });

describe('calendar data validation', () => {
  it('accepts the default data, Saturday mornings, make-up days with and without sessions, adjacent sessions', () => {
    const data: WorkingCalendarData = {
      weeklySessions: {
        ...base.weeklySessions,
        SATURDAY: [{ start: '08:00', end: '11:30' }],
        SUNDAY: [
          { start: '12:00', end: '24:00' },
          { start: '00:00', end: '12:00' },
        ],
      },
      years: [
        {
          year: 2026,
          holidays: [...base.years[0].holidays, { date: '2026-02-17' }],
          makeUpWorkdays: [
            { date: '2026-02-28', name: 'Làm bù' },
            { date: '2026-03-07', sessions: [{ start: '13:00', end: '17:00' }] },
          ],
        },
        { year: 2027, holidays: [], makeUpWorkdays: [] },
      ],
    };
    expect(calendarDataProblems(data)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['not an object', null, 'must be an object'],
    ['weekly sessions missing', { years: [] }, 'weeklySessions must be an object'],
    ['no weekday works', { weeklySessions: { SATURDAY: [] }, years: [] }, 'no weekday has a working session'],
    ['unknown weekday', { ...base, weeklySessions: { ...base.weeklySessions, MON: [] } }, 'weeklySessions.MON: unknown weekday'],
    ['time not HH:mm', { ...base, weeklySessions: { MONDAY: [{ start: '8:00', end: '12:00' }] } }, 'weeklySessions.MONDAY[0].start: "8:00" is not a time HH:mm'],
    ['minutes out of range', { ...base, weeklySessions: { MONDAY: [{ start: '08:00', end: '12:60' }] } }, 'weeklySessions.MONDAY[0].end: "12:60"'],
    ['past 24:00', { ...base, weeklySessions: { MONDAY: [{ start: '08:00', end: '24:01' }] } }, 'weeklySessions.MONDAY[0].end'],
    ['ends before it starts', { ...base, weeklySessions: { MONDAY: [{ start: '13:00', end: '12:00' }] } }, 'weeklySessions.MONDAY[0]: "13:00"–"12:00" must end after it starts'],
    ['empty session', { ...base, weeklySessions: { MONDAY: [{ start: '08:00', end: '08:00' }] } }, 'must end after it starts'],
    [
      'overlapping sessions',
      { ...base, weeklySessions: { MONDAY: [{ start: '13:00', end: '17:00' }, { start: '08:00', end: '13:30' }] } },
      'weeklySessions.MONDAY: sessions [1] and [0] overlap',
    ],
    ['sessions not a list', { ...base, weeklySessions: { MONDAY: { start: '08:00', end: '12:00' } } }, 'weeklySessions.MONDAY must be a list'],
    ['years missing', { weeklySessions: base.weeklySessions }, 'years must be a list'],
    ['year not four digits', withYear({ year: 26 }), 'years[0].year: 26 is not a four-digit year'],
    ['year repeated', { ...base, years: [base.years[0], base.years[0]] }, 'years[1].year: 2026 is listed more than once'],
    ['holiday not a date', withYear({ holidays: [{ date: '2026-02-30' }] }), 'years[0].holidays[0].date: "2026-02-30" is not a calendar date YYYY-MM-DD'],
    ['holiday in another year', withYear({ holidays: [{ date: '2027-01-01' }] }), 'years[0].holidays[0].date: "2027-01-01" is not in 2026'],
    ['holiday listed twice', withYear({ holidays: [{ date: '2026-01-01' }, { date: '2026-01-01' }] }), 'already listed at years[0].holidays[0].date'],
    ['holiday name not a string', withYear({ holidays: [{ date: '2026-01-01', name: 1 }] }), 'years[0].holidays[0].name: 1 is not a string'],
    ['holidays not a list', withYear({ holidays: '2026-01-01' }), 'years[0].holidays must be a list'],
    ['make-up day also a holiday', withYear({ makeUpWorkdays: [{ date: '2026-01-01' }] }), 'years[0].makeUpWorkdays[0].date: "2026-01-01" is already listed at years[0].holidays[0].date'],
    ['make-up day without sessions', withYear({ makeUpWorkdays: [{ date: '2026-02-28', sessions: [] }] }), 'needs at least one session'],
    ['make-up day with a bad session', withYear({ makeUpWorkdays: [{ date: '2026-02-28', sessions: [{ start: '08:00' }] }] }), 'years[0].makeUpWorkdays[0].sessions[0].end: undefined is not a time HH:mm'],
    [
      'make-up day defaulting to Monday when Monday does not work',
      { weeklySessions: { TUESDAY: base.weeklySessions.MONDAY }, years: [{ year: 2026, holidays: [], makeUpWorkdays: [{ date: '2026-02-28' }] }] },
      'required, since Monday has no sessions to default to',
    ],
  ])('reports %s', (_case, data, problem) => {
    expect(calendarDataProblems(data).join('\n')).toContain(problem);
  });

  it('throws one error listing every problem', () => {
    const data = withYear({ year: 'next', holidays: [] });
    const bad = { ...(data as object), weeklySessions: { MONDAY: [{ start: 'x', end: 'y' }] } };
    let error: unknown;
    try {
      validateCalendarData(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WorkingTimeError);
    expect(error).toMatchObject({ code: 'INVALID_CALENDAR_DATA' });
    expect((error as WorkingTimeError).problems).toHaveLength(3);
    expect((error as WorkingTimeError).message).toContain('years[0].year: "next" is not a four-digit year');
  });

  it('is enforced when building a calendar', () => {
    const empty = { weeklySessions: {}, years: [] };
    expect(() => WorkingCalendar.fromData(empty)).toThrow('no weekday has a working session');
  });
});
