import type { WorkingCalendarChanged } from '@app/domain';
import { calendarStream, DEFAULT_AGENCY_CALENDAR } from '@app/domain';
import { calendarsProjection } from '@app/projections';
import type { WeeklySessionsData } from '@app/working-time';
import { EventLog } from '../../../projections/testing/event-log';
import { createProjectionDatabase, ProjectionDatabase } from '../../../projections/testing/projection-database';
import { CalendarProvider } from './calendar-provider';

const AGENCY = '000.00.01.H41';
const SATURDAY_9AM = '2026-12-05T09:00:00+07:00';
const SATURDAY_MORNINGS = { ...DEFAULT_AGENCY_CALENDAR.weeklySessions, SATURDAY: [{ start: '07:30', end: '11:30' }] };

function changed(weeklySessions: WeeklySessionsData, changedAt: string): WorkingCalendarChanged {
  return {
    type: 'WorkingCalendarChanged',
    data: {
      agencyCode: AGENCY,
      calendar: { weeklySessions, years: [] },
      changedYears: [],
      weeklySessionsChanged: true,
      changedAt,
      changedBy: { username: 'admin.snv', fullName: 'Nguyễn Văn Quản' },
    },
  };
}

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('CalendarProvider (over the calendars read model)', () => {
  let db: ProjectionDatabase;
  let log: EventLog;
  let provider: CalendarProvider;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_calendars');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(calendarsProjection);
    log = new EventLog();
    provider = new CalendarProvider(db.pool);
  });
  afterEach(() => provider.stop());

  it('gives the shipped calendar to an agency without its own (Saturday is not a working day)', async () => {
    await provider.refresh();
    expect(provider.configured(AGENCY)).toBeNull();
    expect(provider.forAgency(AGENCY).normalize(SATURDAY_9AM)).toBe('2026-12-07T08:00:00+07:00');
  });

  it('loads an agency’s calendar on refresh, with the revision of its stream', async () => {
    await db.apply(calendarsProjection, log.append(calendarStream(AGENCY), changed(SATURDAY_MORNINGS, '2026-12-01T09:00:00+07:00')));
    expect(provider.forAgency(AGENCY).normalize(SATURDAY_9AM)).toBe('2026-12-07T08:00:00+07:00');
    await provider.refresh();
    expect(provider.configured(AGENCY)).toMatchObject({ revision: 0, changedBy: { username: 'admin.snv' } });
    expect(provider.forAgency(AGENCY).normalize(SATURDAY_9AM)).toBe(SATURDAY_9AM);
    expect(provider.forAgency('000.00.02.H41').normalize(SATURDAY_9AM)).toBe('2026-12-07T08:00:00+07:00');
  });

  it('follows changes by itself once started, and stops following when stopped', async () => {
    await provider.start();
    await db.apply(calendarsProjection, log.append(calendarStream(AGENCY), changed(SATURDAY_MORNINGS, '2026-12-01T09:00:00+07:00')));
    await eventually(() => provider.configured(AGENCY)?.revision === 0);
    provider.stop();
    await db.apply(calendarsProjection, log.append(calendarStream(AGENCY), changed(DEFAULT_AGENCY_CALENDAR.weeklySessions, '2026-12-02T09:00:00+07:00')));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(provider.configured(AGENCY)?.revision).toBe(0);
    await provider.refresh();
    expect(provider.configured(AGENCY)?.revision).toBe(1);
    expect(provider.forAgency(AGENCY).normalize(SATURDAY_9AM)).toBe('2026-12-07T08:00:00+07:00');
  });

  it('reports a failed periodic refresh and keeps what it has', async () => {
    const failures: unknown[] = [];
    provider = new CalendarProvider(db.pool, (error) => failures.push(error));
    await db.apply(calendarsProjection, log.append(calendarStream(AGENCY), changed(SATURDAY_MORNINGS, '2026-12-01T09:00:00+07:00')));
    await provider.start();
    await db.pool.query('ALTER TABLE rm_calendars.calendars RENAME TO calendars_away');
    try {
      await eventually(() => failures.length > 0);
      expect(provider.forAgency(AGENCY).normalize(SATURDAY_9AM)).toBe(SATURDAY_9AM);
    } finally {
      await db.pool.query('ALTER TABLE rm_calendars.calendars_away RENAME TO calendars');
    }
  });
});
