import { calendarStream, incomingStream } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { defaultHolidays } from '@app/working-time';
import { ProcessManagerRunner, RECEIPT_DEADLINES_RECOMPUTE } from '@app/process-managers';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, receive, refusal, refusedWithoutEffect, register, Result, succeed } from './incoming-fixtures';

const SET_CALENDAR = `mutation($agency: String!, $input: WorkingCalendarInput!) {
  setWorkingCalendar(agencyCode: $agency, input: $input) { id revision position } }`;
const CALENDAR = `query($agency: String!, $year: Int!, $p: String) { workingCalendar(agencyCode: $agency, year: $year, consistentWith: $p) {
  agencyCode year configured revision changedBy { username }
  weeklySessions { MONDAY { start end } SATURDAY { start end } SUNDAY { start end } }
  holidays { date name } makeUpWorkdays { date name sessions { start end } }
} }`;
const DOCUMENT = `query($id: ID!) { incomingDocument(id: $id) { id status receivedAt effectiveReceivedAt registrationDueAt urgencyDueAt } }`;
const DEADLINES = `query($agency: String!) { deadlines(agencyCode: $agency, first: 100) { edges { node { documentId kind dueAt } } } }`;

const ADMIN = 'admin.snv';
const CLERK = 'vanthu.snv';

/** Tết Bính Ngọ: Monday 16 to Friday 20 February 2026 off, Saturday 21 worked instead (on the Monday sessions). */
const TET_2026 = {
  years: [
    {
      year: 2026,
      holidays: [
        ...defaultHolidays(2026),
        ...['16', '17', '18', '19', '20'].map((day) => ({ date: `2026-02-${day}`, name: 'Tết Nguyên đán' })),
      ],
      makeUpWorkdays: [{ date: '2026-02-21', name: 'Làm bù' }],
    },
  ],
};
const WORKDAY = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }];

interface DocumentView {
  id: string;
  status: string;
  receivedAt: string;
  effectiveReceivedAt: string;
  registrationDueAt: string;
  urgencyDueAt: string | null;
}

/** Retries `check` until it passes: the recompute runs after the calendar change, as a process manager. */
async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('Working calendar: holidays declared later shift open receipt deadlines (domain.md §6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const documentOf = async (id: string, username: string): Promise<DocumentView> => {
    await t.settle();
    const res = await t.graphql<{ incomingDocument: DocumentView }>(DOCUMENT, { id }, username);
    expect(res.errors).toBeUndefined();
    return res.data?.incomingDocument as DocumentView;
  };
  const eventsOf = async (streamId: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of t.platform.eventStore.readStream(streamId)) events.push(event);
    return events;
  };
  const recomputesOf = async (documentId: string) =>
    (await eventsOf(incomingStream(documentId))).filter((event) => event.type === 'IncomingReceiptDeadlinesRecomputed');
  const deadlinesOf = async (agency: string, username: string) => {
    await t.settle();
    const res = await t.graphql<{ deadlines: { edges: { node: { documentId: string; kind: string; dueAt: string } }[] } }>(DEADLINES, { agency }, username);
    expect(res.errors).toBeUndefined();
    return res.data?.deadlines.edges.map((edge) => edge.node) ?? [];
  };

  it('refuses anyone but an ADMIN of the agency with FORBIDDEN, and appends nothing', async () => {
    for (const username of [CLERK, 'lanhdao.snv', 'admin.stc']) {
      const extensions = await refusedWithoutEffect(t, () => t.graphql(SET_CALENDAR, { agency: AGENCY.snv, input: TET_2026 }, username));
      expect(extensions.code).toBe('FORBIDDEN');
    }
    expect(refusal(await t.graphql(CALENDAR, { agency: AGENCY.snv, year: 2026 }, 'vanthu.stc')).code).toBe('FORBIDDEN');
  });

  it('refuses invalid calendar data with BAD_USER_INPUT naming the field, and appends nothing', async () => {
    const withHolidays = (holidays: { date: string; name?: string }[]) => ({ years: [{ year: 2026, holidays, makeUpWorkdays: [] }] });
    const cases: [Record<string, unknown>, string][] = [
      [withHolidays([{ date: '2026-01-01' }, { date: '2026-02-30', name: 'Tết' }]), 'years[0].holidays[1].date'],
      [withHolidays([{ date: '2026-01-01' }, { date: '2027-02-08', name: 'Tết' }]), 'years[0].holidays[1].date'],
      [withHolidays([{ date: '2026-02-16' }, { date: '2026-02-16' }]), 'years[0].holidays[1].date'],
      [{ weeklySessions: { MONDAY: [{ start: '08:00', end: '25:00' }] }, years: [] }, 'weeklySessions.MONDAY[0].end'],
      [{ weeklySessions: { MONDAY: [{ start: '08:00', end: '12:00' }, { start: '11:30', end: '17:00' }] }, years: [] }, 'weeklySessions.MONDAY'],
      [{ years: [{ year: 2026, holidays: [], makeUpWorkdays: [{ date: '2026-02-21', sessions: [] }] }] }, 'years[0].makeUpWorkdays[0].sessions'],
    ];
    for (const [input, field] of cases) {
      const extensions = await refusedWithoutEffect(t, () => t.graphql(SET_CALENDAR, { agency: AGENCY.snv, input }, ADMIN));
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('shows an agency that set nothing the shipped calendar: the fixed-date national holidays only', async () => {
    const res = await t.graphql(CALENDAR, { agency: AGENCY.snv, year: 2027 }, CLERK);
    expect(res.errors).toBeUndefined();
    expect(res.data?.workingCalendar).toEqual({
      agencyCode: AGENCY.snv,
      year: 2027,
      configured: false,
      revision: null,
      changedBy: null,
      weeklySessions: { MONDAY: WORKDAY, SATURDAY: [], SUNDAY: [] },
      holidays: defaultHolidays(2027).map(({ date, name }) => ({ date, name })),
      makeUpWorkdays: [],
    });
  });

  it('moves the deadlines of open documents into the working days after Tết, and counts a document received during Tết from the make-up Saturday', async () => {
    // Received on Friday 13 February 2026, before the agency declared Tết: due by the end of Monday 16.
    const paper = await receive(t, CLERK, { receivedAt: '2026-02-13T10:00:00+07:00', issuedDate: '2026-02-12' });
    const urgent = await receive(t, CLERK, { urgency: 'URGENT', receivedAt: '2026-02-13T16:30:00+07:00', issuedDate: '2026-02-12' });
    await register(t, CLERK, urgent.id);
    const otherAgency = await receive(t, 'vanthu.stc', { receivedAt: '2026-02-13T10:00:00+07:00', issuedDate: '2026-02-12' });
    expect(await documentOf(paper.id, CLERK)).toMatchObject({ registrationDueAt: '2026-02-16T17:00:00+07:00' });
    expect(await documentOf(urgent.id, CLERK)).toMatchObject({ status: 'REGISTERED', urgencyDueAt: '2026-02-16T09:30:00+07:00' });

    const changed = await succeed(t, SET_CALENDAR, { agency: AGENCY.snv, input: TET_2026 }, ADMIN);
    expect(changed).toMatchObject({ id: AGENCY.snv, revision: 0 });

    const calendar = await t.graphql(CALENDAR, { agency: AGENCY.snv, year: 2026, p: changed.position }, CLERK);
    expect(calendar.errors).toBeUndefined();
    expect(calendar.data?.workingCalendar).toMatchObject({
      configured: true,
      revision: 0,
      changedBy: { username: ADMIN },
      makeUpWorkdays: [{ date: '2026-02-21', name: 'Làm bù', sessions: WORKDAY }],
    });
    expect((calendar.data?.workingCalendar as { holidays: { date: string }[] }).holidays.map((holiday) => holiday.date)).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
    ]);

    // The next working day after Friday 13 is now the make-up Saturday 21.
    await eventually(async () =>
      expect(await documentOf(paper.id, CLERK)).toMatchObject({
        receivedAt: '2026-02-13T10:00:00+07:00',
        effectiveReceivedAt: '2026-02-13T10:00:00+07:00',
        registrationDueAt: '2026-02-21T17:00:00+07:00',
        urgencyDueAt: null,
      }),
    );
    // Audited: what the instants were, on whose change, caused by which calendar event.
    const [calendarChange] = await eventsOf(calendarStream(AGENCY.snv));
    const [recompute] = await recomputesOf(paper.id);
    expect(recompute.data).toMatchObject({
      previous: { effectiveReceivedAt: '2026-02-13T10:00:00+07:00', registrationDueAt: '2026-02-16T17:00:00+07:00', urgencyDueAt: null },
      registrationDueAt: '2026-02-21T17:00:00+07:00',
      recomputedBy: { username: ADMIN },
    });
    expect(recompute.metadata).toMatchObject({ causationId: calendarChange.eventId, actor: { username: ADMIN, role: 'ADMIN' } });

    // Registered already: its registration deadline is history; the urgency alert (2 working hours) moves.
    await eventually(async () =>
      expect(await documentOf(urgent.id, CLERK)).toMatchObject({
        registrationDueAt: '2026-02-16T17:00:00+07:00',
        urgencyDueAt: '2026-02-21T09:30:00+07:00',
      }),
    );
    expect(await documentOf(otherAgency.id, 'vanthu.stc')).toMatchObject({ registrationDueAt: '2026-02-16T17:00:00+07:00' });
    const deadlines = await deadlinesOf(AGENCY.snv, CLERK);
    expect(deadlines).toEqual(
      expect.arrayContaining([
        { documentId: paper.id, kind: 'REGISTRATION', dueAt: '2026-02-21T17:00:00+07:00' },
        { documentId: urgent.id, kind: 'URGENCY', dueAt: '2026-02-21T09:30:00+07:00' },
      ]),
    );
    expect(deadlines.filter((item) => item.documentId === urgent.id)).toHaveLength(1);

    // Received on Wednesday 18, a Tết holiday: it counts from the first session of Saturday 21.
    const duringTet = await receive(t, CLERK, { receivedAt: '2026-02-18T09:00:00+07:00', issuedDate: '2026-02-12' });
    expect(await documentOf(duringTet.id, CLERK)).toMatchObject({
      receivedAt: '2026-02-18T09:00:00+07:00',
      effectiveReceivedAt: '2026-02-21T08:00:00+07:00',
      registrationDueAt: '2026-02-23T17:00:00+07:00',
    });
  });

  it('appends nothing when the same calendar is set again, nor when the recompute restarts from before the change', async () => {
    await t.settle();
    const before = await t.eventCount();
    const again: Result = await succeed(t, SET_CALENDAR, { agency: AGENCY.snv, input: TET_2026 }, ADMIN);
    expect(again).toMatchObject({ id: AGENCY.snv, revision: 0 });

    // As after a crash before its checkpoint moved: the calendar event is handled again from the start.
    const managers = t.app.get(ProcessManagerRunner);
    await managers.stop();
    const checkpoint = () =>
      t.platform.pool.query('SELECT position FROM process_manager.checkpoints WHERE name = $1', [RECEIPT_DEADLINES_RECOMPUTE]);
    await t.platform.pool.query('DELETE FROM process_manager.checkpoints WHERE name = $1', [RECEIPT_DEADLINES_RECOMPUTE]);
    await managers.start();
    await eventually(async () => expect((await checkpoint()).rows).toHaveLength(1));
    await t.settle();
    expect(await t.eventCount()).toBe(before);
  });
});
