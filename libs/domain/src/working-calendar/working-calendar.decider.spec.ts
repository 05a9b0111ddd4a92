import { DEFAULT_WEEKLY_SESSIONS, defaultHolidays, type YearCalendarData } from '@app/working-time';
import { DeciderSpecification, actor } from '../testing';
import { calendarStream } from '../streams';
import type { SetWorkingCalendar } from './working-calendar.commands';
import type { WorkingCalendarChanged } from './working-calendar.events';
import { workingCalendarDecider } from './working-calendar.decider';

const spec = DeciderSpecification.for(workingCalendarDecider);

const AGENCY = '000.00.01.H41';
const admin = actor('ADMIN', { username: 'qt_nguyenvanq', fullName: 'Nguyễn Văn Quản', agencyCode: AGENCY });
const NOW = '2025-12-20T09:00:00+07:00';

/** Tết Bính Ngọ 2026 (Mon 16 – Fri 20 February) with a make-up Saturday, and Giỗ Tổ on Sunday 26 April given on Monday 27. */
const YEAR_2026: YearCalendarData = {
  year: 2026,
  holidays: [
    ...defaultHolidays(2026),
    ...['16', '17', '18', '19', '20'].map((day) => ({ date: `2026-02-${day}`, name: 'Tết Nguyên đán' })),
    { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
  ],
  makeUpWorkdays: [{ date: '2026-02-28', name: 'Làm bù' }],
};

/** The canonical form the event stores: dates ascending. */
const SORTED_2026: YearCalendarData = {
  ...YEAR_2026,
  holidays: [...YEAR_2026.holidays].sort((a, b) => a.date.localeCompare(b.date)),
};

const YEAR_2027: YearCalendarData = { year: 2027, holidays: defaultHolidays(2027), makeUpWorkdays: [] };

const SATURDAY_MORNINGS = { ...DEFAULT_WEEKLY_SESSIONS, SATURDAY: [{ start: '07:30', end: '11:30' }] };

const setCalendar = (data: Partial<SetWorkingCalendar['data']> = {}, by = admin): SetWorkingCalendar => ({
  type: 'SetWorkingCalendar',
  data: { agencyCode: AGENCY, years: [YEAR_2026], ...data },
  context: { actor: by, now: NOW },
});

const changed = (data: Partial<WorkingCalendarChanged['data']> = {}): WorkingCalendarChanged => ({
  type: 'WorkingCalendarChanged',
  data: {
    agencyCode: AGENCY,
    calendar: { weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [SORTED_2026] },
    changedYears: [2026],
    weeklySessionsChanged: false,
    changedAt: NOW,
    changedBy: { username: admin.username, fullName: admin.fullName },
    ...data,
  },
});

describe('working calendar decider', () => {
  describe('when the agency uses the shipped calendar', () => {
    it("sets a year's holidays and make-up days on the default weekly schedule, in canonical order", () => {
      const state = spec.given([]).when(setCalendar()).then([changed()]);
      expect(state).toEqual({ status: 'CONFIGURED', agencyCode: AGENCY, calendar: changed().data.calendar });
    });

    it('sets the weekly sessions alone', () => {
      const calendar = { weeklySessions: SATURDAY_MORNINGS, years: [] };
      spec
        .given([])
        .when(setCalendar({ weeklySessions: SATURDAY_MORNINGS, years: [] }))
        .then([changed({ calendar, changedYears: [], weeklySessionsChanged: true })]);
    });

    it('appends nothing when the change is the shipped calendar itself', () => {
      spec.given([]).when(setCalendar({ weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [] })).thenNothingHappens();
    });

    it('is for an ADMIN of that agency only', () => {
      spec.given([]).when(setCalendar({}, actor('CLERK'))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE', requiredRoles: ['ADMIN'] });
      spec
        .given([])
        .when(setCalendar({}, actor('ADMIN', { agencyCode: '000.00.02.H41' })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY', agencyCode: AGENCY });
    });

    it('refuses invalid dates, naming the field of the command and listing every problem', () => {
      const broken: YearCalendarData = {
        year: 2026,
        holidays: [{ date: '2026-01-01' }, { date: '2026-02-30', name: 'Tết' }, { date: '2027-01-01' }],
        makeUpWorkdays: [],
      };
      spec
        .given([])
        .when(setCalendar({ years: [YEAR_2027, broken] }))
        .thenThrows('VALIDATION_FAILED', (details) => {
          expect(details).toMatchObject({ field: 'years[1].holidays[1].date', reason: 'INVALID_CALENDAR_DATA' });
          expect(details.problems).toEqual([
            'years[1].holidays[1].date: "2026-02-30" is not a calendar date YYYY-MM-DD',
            'years[1].holidays[2].date: "2027-01-01" is not in 2026',
          ]);
          return true;
        });
    });

    it('refuses overlapping sessions and a year listed twice', () => {
      const overlapping = { MONDAY: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] };
      spec.given([]).when(setCalendar({ weeklySessions: overlapping })).thenThrows('VALIDATION_FAILED', { field: 'weeklySessions.MONDAY' });
      spec.given([]).when(setCalendar({ years: [YEAR_2026, YEAR_2026] })).thenThrows('VALIDATION_FAILED', { field: 'years[1].year' });
    });
  });

  describe('when the agency has its own calendar', () => {
    const given = [changed()];

    it('replaces the years given and keeps the others', () => {
      const tet2027 = { ...YEAR_2027, holidays: [...YEAR_2027.holidays, { date: '2027-02-08', name: 'Tết Nguyên đán' }] };
      const sorted2027 = { ...tet2027, holidays: [...tet2027.holidays].sort((a, b) => a.date.localeCompare(b.date)) };
      const state = spec
        .given(given)
        .when(setCalendar({ years: [tet2027] }))
        .then([changed({ calendar: { weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [SORTED_2026, sorted2027] }, changedYears: [2027] })]);
      expect(state).toMatchObject({ status: 'CONFIGURED' });
    });

    it('replaces a year whole: dates left out of it are working days again', () => {
      spec
        .given(given)
        .when(setCalendar({ years: [YEAR_2027, { ...YEAR_2026, makeUpWorkdays: [] }] }))
        .then([
          changed({
            calendar: { weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [{ ...SORTED_2026, makeUpWorkdays: [] }, YEAR_2027] },
            changedYears: [2026, 2027],
          }),
        ]);
    });

    it('appends nothing for the same data in another order and spelling', () => {
      const respelled = {
        ...YEAR_2026,
        holidays: [...YEAR_2026.holidays].reverse().map((holiday) => ({ ...holiday, name: ` ${holiday.name?.normalize('NFD')} ` })),
      };
      spec.given(given).when(setCalendar({ weeklySessions: { ...DEFAULT_WEEKLY_SESSIONS, SUNDAY: [] }, years: [respelled] })).thenNothingHappens();
    });

    it('refuses a weekly schedule without Monday sessions while a kept make-up day relies on them', () => {
      const noMonday = { TUESDAY: DEFAULT_WEEKLY_SESSIONS.TUESDAY ?? [] };
      spec
        .given(given)
        .when(setCalendar({ weeklySessions: noMonday, years: [] }))
        .thenThrows('VALIDATION_FAILED', { field: 'weeklySessions', reason: 'INVALID_CALENDAR_DATA' });
    });

    it('lives in the stream calendar-<agencyCode>', () => {
      expect(calendarStream(AGENCY)).toBe('calendar-000.00.01.H41');
    });

    it('folds from its last event alone: every event carries the whole calendar', () => {
      expect(workingCalendarDecider.foldsFromLastEventOnly).toBe(true);
      const last = changed({ calendar: { weeklySessions: SATURDAY_MORNINGS, years: [] } });
      expect(workingCalendarDecider.evolve(workingCalendarDecider.initialState(), last)).toEqual(
        [...given, last].reduce(workingCalendarDecider.evolve, workingCalendarDecider.initialState()),
      );
    });
  });
});
