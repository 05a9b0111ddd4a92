import type { WorkingCalendarChanged } from '@app/domain';
import { calendarStream, DEFAULT_AGENCY_CALENDAR } from '@app/domain';
import { defaultHolidays } from '@app/working-time';
import { EventLog } from '../testing/event-log';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { calendarsProjection as projection } from './calendars.projection';

const AGENCY = '000.00.01.H41';
const ADMIN = { username: 'admin.snv', fullName: 'Nguyễn Văn Quản' };

const TET_2026 = {
  year: 2026,
  holidays: [...defaultHolidays(2026), { date: '2026-02-17', name: 'Tết Nguyên đán' }].sort((a, b) => a.date.localeCompare(b.date)),
  makeUpWorkdays: [{ date: '2026-02-28', name: 'Làm bù' }],
};
const SATURDAY_MORNINGS = { ...DEFAULT_AGENCY_CALENDAR.weeklySessions, SATURDAY: [{ start: '07:30', end: '11:30' }] };

function changed(calendar: WorkingCalendarChanged['data']['calendar'], changedAt: string, agencyCode = AGENCY): WorkingCalendarChanged {
  return {
    type: 'WorkingCalendarChanged',
    data: { agencyCode, calendar, changedYears: calendar.years.map((entry) => entry.year), weeklySessionsChanged: false, changedAt, changedBy: ADMIN },
  };
}

describe('calendars projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_calendars');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const table = () => db.rows('SELECT * FROM rm_calendars.calendars ORDER BY agency_code');

  it('holds the calendar in force per agency, with the revision and position of the event it reflects', async () => {
    const [first] = log.append(calendarStream(AGENCY), changed({ weeklySessions: DEFAULT_AGENCY_CALENDAR.weeklySessions, years: [TET_2026] }, '2025-12-20T09:00:00+07:00'));
    await db.apply(projection, [first]);
    expect(await table()).toEqual([
      {
        agency_code: AGENCY,
        weekly_sessions: DEFAULT_AGENCY_CALENDAR.weeklySessions,
        years: [TET_2026],
        changed_at: new Date('2025-12-20T09:00:00+07:00'),
        changed_by: ADMIN,
        revision: '0',
        position: first.position,
      },
    ]);

    const [second] = log.append(calendarStream(AGENCY), changed({ weeklySessions: SATURDAY_MORNINGS, years: [TET_2026] }, '2026-01-05T10:00:00+07:00'));
    await db.apply(projection, [second]);
    expect(await table()).toEqual([expect.objectContaining({ weekly_sessions: SATURDAY_MORNINGS, revision: '1', position: second.position })]);
  });

  it('changes nothing when replayed, in a batch or one by one', async () => {
    log.append(calendarStream(AGENCY), changed({ weeklySessions: DEFAULT_AGENCY_CALENDAR.weeklySessions, years: [] }, '2025-12-20T09:00:00+07:00'));
    log.append(calendarStream(AGENCY), changed({ weeklySessions: SATURDAY_MORNINGS, years: [TET_2026] }, '2026-01-05T10:00:00+07:00'));
    log.append(calendarStream('000.00.02.H41'), changed({ weeklySessions: SATURDAY_MORNINGS, years: [] }, '2026-01-06T10:00:00+07:00', '000.00.02.H41'));
    await db.apply(projection, log.all);
    const after = await table();
    await db.apply(projection, log.all, 'one-by-one');
    expect(await table()).toEqual(after);
    expect(after).toEqual([
      expect.objectContaining({ agency_code: AGENCY, years: [TET_2026], revision: '1' }),
      expect.objectContaining({ agency_code: '000.00.02.H41', revision: '0' }),
    ]);
  });
});
