import { AgencyDeadlines, type CalendarProvider, DEFAULT_DEADLINE_SETTINGS } from '@app/agency-calendars';
import { DEFAULT_AGENCY_CALENDAR, incomingStream, type WorkingCalendarChanged } from '@app/domain';
import type { GlobalPosition } from '@app/event-store';
import type { OpenReceipt } from '@app/projections';
import { defaultHolidays } from '@app/working-time';
import { recordedEvent } from '../testing/recorded-event';
import { receiptDeadlinesRecomputeManager } from './receipt-deadlines-recompute.manager';

const NOW = '2026-02-10T09:00:00+07:00';
const AGENCY = '000.00.01.H41';
const LAST: GlobalPosition = '00000000000000000042:00000000000000000007';
const ADMIN = { username: 'admin.snv', fullName: 'Nguyễn Văn Quản', role: 'ADMIN', roles: ['ADMIN'], agencyCode: AGENCY };
// receiptOn computes on the calendar it is given; the provider is not consulted.
const deadlines = new AgencyDeadlines({} as CalendarProvider, DEFAULT_DEADLINE_SETTINGS);

/** Tết 2026: 16–20 February off. */
const TET: WorkingCalendarChanged = {
  type: 'WorkingCalendarChanged',
  data: {
    agencyCode: AGENCY,
    calendar: {
      weeklySessions: DEFAULT_AGENCY_CALENDAR.weeklySessions,
      years: [
        {
          year: 2026,
          holidays: [...defaultHolidays(2026), ...[16, 17, 18, 19, 20].map((d) => ({ date: `2026-02-${d}`, name: 'Tết Nguyên đán' }))].sort((a, b) =>
            a.date.localeCompare(b.date),
          ),
          makeUpWorkdays: [],
        },
      ],
    },
    changedYears: [2026],
    weeklySessionsChanged: false,
    changedAt: NOW,
    changedBy: { username: ADMIN.username, fullName: ADMIN.fullName },
  },
};

const receipts: OpenReceipt[] = [
  { documentId: 'doc-paper', receivedAt: new Date('2026-02-13T10:00:00+07:00'), channel: 'PAPER', urgency: 'NORMAL' },
  { documentId: 'doc-flash', receivedAt: new Date('2026-02-13T16:30:00+07:00'), channel: 'INTERCONNECT', urgency: 'FLASH' },
];

function manager(open: readonly OpenReceipt[] = receipts) {
  const calls: string[] = [];
  const subject = receiptDeadlinesRecomputeManager({
    store: { lastPosition: async () => LAST },
    waitForReadModels: async (position) => void calls.push(`wait ${position}`),
    openReceipts: async (agencyCode) => {
      calls.push(`list ${agencyCode}`);
      return open;
    },
    deadlines,
  });
  return { subject, calls };
}

describe('receipt deadlines recompute manager', () => {
  it('recomputes each open receipt of the agency on the new calendar, once the read models hold every committed event', async () => {
    const { subject, calls } = manager();
    const reaction = await subject.react(recordedEvent(TET, { actor: ADMIN, correlationId: 'calendar-change-1' }), NOW);

    expect(calls).toEqual([`wait ${LAST}`, `list ${AGENCY}`]);
    expect(reaction?.correlationId).toBe('calendar-change-1');
    expect(reaction?.commands.map(({ key, type, streamId }) => ({ key, type, streamId }))).toEqual([
      { key: 'recompute:doc-paper', type: 'RecomputeReceiptDeadlines', streamId: incomingStream('doc-paper') },
      { key: 'recompute:doc-flash', type: 'RecomputeReceiptDeadlines', streamId: incomingStream('doc-flash') },
    ]);
  });

  it('computes the instants from the receipt as at receipt, on the calendar of the change (Friday before Tết → after Tết)', async () => {
    const { subject } = manager([receipts[0]]);
    const reaction = await subject.react(recordedEvent(TET, { actor: ADMIN }), NOW);
    const sent: unknown[] = [];
    await reaction?.commands[0].send({ handle: async (request: unknown) => void sent.push(request) } as never, { commandId: 'c-1' });

    expect(sent).toEqual([
      expect.objectContaining({
        command: {
          type: 'RecomputeReceiptDeadlines',
          data: {
            documentId: 'doc-paper',
            effectiveReceivedAt: '2026-02-13T10:00:00+07:00',
            registrationDueAt: '2026-02-23T17:00:00+07:00',
            urgencyDueAt: null,
            reason: `Tính lại theo lịch làm việc do ${ADMIN.fullName} cập nhật lúc ${NOW}`,
          },
          context: { actor: { username: ADMIN.username, fullName: ADMIN.fullName, agencyCode: AGENCY, unitId: null, roles: ['ADMIN'] }, now: NOW },
        },
      }),
    ]);
  });

  it('asks for nothing when the agency has no open receipt', async () => {
    expect(await manager([]).subject.react(recordedEvent(TET, { actor: ADMIN }), NOW)).toBeNull();
  });

  it('refuses a calendar event whose metadata names no actor (the commands act on its authority)', async () => {
    await expect(manager().subject.react(recordedEvent(TET, {}), NOW)).rejects.toThrow('does not name its actor');
  });
});
