import { DEFAULT_WEEKLY_SESSIONS, toVietnamIso, WorkingCalendar } from '@app/working-time';
import { startTestApp, TestApp } from '../src/testing/test-app';
import { AGENCY, receive, refusedWithoutEffect, register, RESULT, succeed } from './incoming-fixtures';

const PRESENT = `mutation($id: ID!, $leader: String!) { presentIncomingDocument(documentId: $id, leaderUsername: $leader) ${RESULT} }`;
const ASSIGN = `mutation($id: ID!, $input: AssignIncomingDocumentInput!) { assignIncomingDocument(documentId: $id, input: $input) ${RESULT} }`;
const FORWARD = `mutation($id: ID!, $input: ForwardAssignmentInput!) { forwardAssignment(documentId: $id, input: $input) ${RESULT} }`;
const START = `mutation($id: ID!) { startProcessing(documentId: $id) ${RESULT} }`;
const PROGRESS = `mutation($id: ID!, $note: String!) { reportProgress(documentId: $id, note: $note) ${RESULT} }`;
const COMPLETE = `mutation($id: ID!, $result: String!) { completeIncomingDocument(documentId: $id, result: $result) ${RESULT} }`;
const EXTEND = `mutation($id: ID!, $deadline: DateTime!, $reason: String!) { extendDeadline(documentId: $id, deadline: $deadline, reason: $reason) ${RESULT} }`;
const INBOX = `query($p: String, $filter: InboxFilter) { myInbox(consistentWith: $p, filter: $filter) {
  totalCount edges { node { documentId role urgency deadline assignee { username unitId fullName } instruction } }
} }`;
const DEADLINES = `query($agency: String!, $filter: DeadlinesFilter, $p: String) { deadlines(agencyCode: $agency, filter: $filter, consistentWith: $p) {
  totalCount edges { node { documentId kind dueAt state responsible { username unitId } } }
} }`;
const DOCUMENT = `query($id: ID!, $p: String) { incomingDocument(id: $id, consistentWith: $p) {
  status overdue deadline originalDeadline presentedTo { username fullName } instruction
  assignments { role username unitId fullName deadline }
  forwarding { hop from { unitId } to { username fullName } instruction by { username } }
  lead { username unitIdOfUser fullName } progress { note reportedBy { username } }
  extensions { previousDeadline deadline reason extendedBy { username } }
  completion { result completedBy { username } completedLate } recall { reason recalledAt }
} }`;

interface InboxPage {
  myInbox: { totalCount: number; edges: { node: { documentId: string; role: string; urgency: string; deadline: string; assignee: Record<string, unknown> } }[] };
}
interface DeadlinePage {
  deadlines: { totalCount: number; edges: { node: { documentId: string; kind: string; dueAt: string; state: string | null } }[] };
}

const calendar = WorkingCalendar.fromData({ weeklySessions: DEFAULT_WEEKLY_SESSIONS, years: [] });
const inHours = (hours: number) => toVietnamIso(new Date(Date.now() + hours * 3_600_000));

describe('Incoming documents: directive, forwarding and processing (Decree 30 Điều 24)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** Received and registered by the clerk of the agency with suffix `suffix`. */
  async function registered(suffix: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const doc = await receive(t, `vanthu.${suffix}`, overrides);
    await register(t, `vanthu.${suffix}`, doc.id);
    return doc.id;
  }

  it('goes from the leader to the lead unit, its head forwards to an officer, who starts, reports and completes', async () => {
    const id = await registered('ubnd');
    await succeed(t, PRESENT, { id, leader: 'lanhdao.ubnd' }, 'vanthu.ubnd');
    const deadline = toVietnamIso(calendar.addWorkingDays(new Date(), 5));
    await succeed(t, ASSIGN, {
      id,
      input: {
        instruction: 'Giao Phòng Tổng hợp chủ trì, Văn phòng phối hợp tham mưu',
        deadline,
        assignees: [
          { role: 'LEAD', unitId: 'ubnd-th' },
          { role: 'COORDINATE', unitId: 'ubnd-vp' },
          { role: 'INFORMATION', username: 'luutru.ubnd' },
        ],
      },
    }, 'lanhdao.ubnd');

    // Before the hand-over the officer is not the lead.
    const early = await refusedWithoutEffect(t, () => t.graphql(START, { id }, 'chuyenvien.ubnd'));
    expect(early).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_LEAD_ASSIGNEE' });

    const forwarded = await succeed(t, FORWARD, { id, input: { username: 'chuyenvien.ubnd', instruction: 'Đồng chí Viên dự thảo báo cáo' } }, 'truongphong.ubnd');
    const inbox = await t.graphql<InboxPage>(INBOX, { p: forwarded.position }, 'chuyenvien.ubnd');
    expect(inbox.data?.myInbox.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ documentId: id, role: 'LEAD', deadline, assignee: expect.objectContaining({ username: 'chuyenvien.ubnd' }) }),
    );

    await succeed(t, START, { id }, 'chuyenvien.ubnd');
    await succeed(t, PROGRESS, { id, note: 'Đã xin ý kiến các phòng' }, 'chuyenvien.ubnd');
    const completed = await succeed(t, COMPLETE, { id, result: 'Đã trình báo cáo số 12/BC-TH' }, 'chuyenvien.ubnd');

    const read = await t.graphql<{ incomingDocument: Record<string, unknown> }>(DOCUMENT, { id, p: completed.position }, 'lanhdao.ubnd');
    expect(read.errors).toBeUndefined();
    expect(read.data?.incomingDocument).toMatchObject({
      status: 'COMPLETED',
      overdue: false,
      deadline,
      originalDeadline: deadline,
      presentedTo: { username: 'lanhdao.ubnd', fullName: 'Lê Văn Đạo' },
      instruction: 'Giao Phòng Tổng hợp chủ trì, Văn phòng phối hợp tham mưu',
      assignments: [
        { role: 'LEAD', username: null, unitId: 'ubnd-th', fullName: 'Phòng Tổng hợp', deadline },
        { role: 'COORDINATE', username: null, unitId: 'ubnd-vp', fullName: 'Văn phòng', deadline },
        { role: 'INFORMATION', username: 'luutru.ubnd', unitId: null, fullName: 'Đỗ Thị Lưu', deadline },
      ],
      forwarding: [
        { hop: 1, from: { unitId: 'ubnd-th' }, to: { username: 'chuyenvien.ubnd', fullName: 'Hoàng Văn Viên' },
          instruction: 'Đồng chí Viên dự thảo báo cáo', by: { username: 'truongphong.ubnd' } },
      ],
      lead: { username: 'chuyenvien.ubnd', unitIdOfUser: 'ubnd-th', fullName: 'Hoàng Văn Viên' },
      progress: [{ note: 'Đã xin ý kiến các phòng', reportedBy: { username: 'chuyenvien.ubnd' } }],
      completion: { result: 'Đã trình báo cáo số 12/BC-TH', completedBy: { username: 'chuyenvien.ubnd' }, completedLate: false },
    });
    const after = await t.graphql<InboxPage>(INBOX, {}, 'chuyenvien.ubnd');
    expect(after.data?.myInbox.edges.map((e) => e.node.documentId)).not.toContain(id);
  });

  it("shows the unit's work in its head's inbox, and names an unknown assignee's field", async () => {
    const id = await registered('snv');
    const assigned = await succeed(t, ASSIGN, { id, input: { assignees: [{ role: 'LEAD', unitId: 'snv-th' }] } }, 'lanhdao.snv');
    const head = await t.graphql<InboxPage>(INBOX, { p: assigned.position }, 'truongphong.snv');
    expect(head.data?.myInbox.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ documentId: id, role: 'LEAD', assignee: expect.objectContaining({ unitId: 'snv-th' }) }),
    );
    // A member of the unit who is not its head does not get the unit's items.
    const officer = await t.graphql<InboxPage>(INBOX, { p: assigned.position }, 'chuyenvien.snv');
    expect(officer.data?.myInbox.edges.map((e) => e.node.documentId)).not.toContain(id);

    const other = await registered('snv');
    const unknownPerson = await refusedWithoutEffect(t, () =>
      t.graphql(ASSIGN, { id: other, input: { assignees: [{ role: 'LEAD', username: 'chuyenvien.stc' }] } }, 'lanhdao.snv'),
    );
    expect(unknownPerson).toMatchObject({ code: 'NOT_FOUND', field: 'assignees.0.username' });
    const both = await refusedWithoutEffect(t, () =>
      t.graphql(ASSIGN, { id: other, input: { assignees: [{ role: 'LEAD', username: 'chuyenvien.snv', unitId: 'snv-th' }] } }, 'lanhdao.snv'),
    );
    expect(both).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignees.0' });
    const twoLeads = await refusedWithoutEffect(t, () =>
      t.graphql(ASSIGN, { id: other, input: { assignees: [{ role: 'LEAD', unitId: 'snv-th' }, { role: 'LEAD', unitId: 'snv-vp' }] } }, 'lanhdao.snv'),
    );
    expect(twoLeads).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignees', reason: 'EXACTLY_ONE_LEAD' });
  });

  it("puts an urgent document at the top of its handler's inbox (Phú Yên Điều 5.3), then orders by deadline", async () => {
    const officer = { role: 'LEAD', username: 'chuyenvien.stc' };
    const normalSoon = await registered('stc');
    const normalLater = await registered('stc');
    const flash = await registered('stc', { urgency: 'FLASH' });
    const urgent = await registered('stc', { urgency: 'URGENT' });
    await succeed(t, ASSIGN, { id: normalLater, input: { assignees: [officer], deadline: inHours(72) } }, 'lanhdao.stc');
    await succeed(t, ASSIGN, { id: normalSoon, input: { assignees: [officer], deadline: inHours(24) } }, 'lanhdao.stc');
    await succeed(t, ASSIGN, { id: urgent, input: { assignees: [officer], deadline: inHours(200) } }, 'lanhdao.stc');
    const last = await succeed(t, ASSIGN, { id: flash, input: { assignees: [officer], deadline: inHours(300) } }, 'lanhdao.stc');

    const inbox = await t.graphql<InboxPage>(INBOX, { p: last.position }, 'chuyenvien.stc');
    expect(inbox.errors).toBeUndefined();
    expect(inbox.data?.myInbox.edges.map((e) => [e.node.documentId, e.node.urgency])).toEqual([
      [flash, 'FLASH'], [urgent, 'URGENT'], [normalSoon, 'NORMAL'], [normalLater, 'NORMAL'],
    ]);
    expect(inbox.data?.myInbox.totalCount).toBe(4);
    const urgentOnly = await t.graphql<InboxPage>(INBOX, { filter: { urgency: 'URGENT' } }, 'chuyenvien.stc');
    expect(urgentOnly.data?.myInbox.edges.map((e) => e.node.documentId)).toEqual([urgent]);
  });

  it('lists a document past its registration deadline as OVERDUE and a deadline within a working day as DUE_SOON', async () => {
    const late = await receive(t, 'vanthu.xahoabinh', { receivedAt: '2026-01-05T09:00:00+07:00' });
    const soon = await registered('xahoabinh');
    const assigned = await succeed(t, ASSIGN, {
      id: soon,
      input: { assignees: [{ role: 'LEAD', username: 'chuyenvien.xahoabinh' }], deadline: inHours(1) },
    }, 'lanhdao.xahoabinh');
    const list = async (filter: Record<string, unknown>) => {
      const res = await t.graphql<DeadlinePage>(DEADLINES, { agency: AGENCY.xa, filter, p: assigned.position }, 'lanhdao.xahoabinh');
      expect(res.errors).toBeUndefined();
      return res.data?.deadlines.edges.map((e) => e.node) ?? [];
    };
    const overdue = await list({ state: 'OVERDUE' });
    expect(overdue).toEqual([{ documentId: late.id, kind: 'REGISTRATION', dueAt: '2026-01-06T17:00:00+07:00', state: 'OVERDUE', responsible: null }]);
    expect(await list({ state: 'DUE_SOON' })).toEqual([
      expect.objectContaining({ documentId: soon, kind: 'PROCESSING', state: 'DUE_SOON', responsible: { username: 'chuyenvien.xahoabinh', unitId: null } }),
    ]);
    expect(await list({ username: 'chuyenvien.xahoabinh' })).toHaveLength(1);
    expect(await list({ unitId: 'xahoabinh-th' })).toEqual([expect.objectContaining({ documentId: soon })]);
    const document = await t.graphql<{ incomingDocument: { overdue: boolean } }>(DOCUMENT, { id: late.id }, 'vanthu.xahoabinh');
    expect(document.data?.incomingDocument.overdue).toBe(true);
    const forbidden = await refusedWithoutEffect(t, () => t.graphql(DEADLINES, { agency: AGENCY.xa }, 'lanhdao.stc'));
    expect(forbidden.code).toBe('FORBIDDEN');
  });

  it('extends a deadline and keeps the original one; the default deadline is 10 working days', async () => {
    const id = await registered('snv');
    const now = new Date();
    const assigned = await succeed(t, ASSIGN, { id, input: { assignees: [{ role: 'LEAD', username: 'chuyenvien.snv' }] } }, 'lanhdao.snv');
    const original = calendar.addWorkingDays(now, 10);
    const before = await t.graphql<{ incomingDocument: { deadline: string } }>(DOCUMENT, { id, p: assigned.position }, 'lanhdao.snv');
    expect(before.data?.incomingDocument.deadline).toBe(original);

    const earlier = await refusedWithoutEffect(t, () =>
      t.graphql(EXTEND, { id, deadline: calendar.addWorkingDays(now, 3), reason: 'Rút ngắn' }, 'truongphong.snv'),
    );
    expect(earlier).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline', reason: 'NOT_LATER' });
    const extended = calendar.addWorkingDays(now, 15);
    const done = await succeed(t, EXTEND, { id, deadline: extended, reason: 'Chờ ý kiến của Bộ Nội vụ' }, 'truongphong.snv');
    const read = await t.graphql<{ incomingDocument: Record<string, unknown> }>(DOCUMENT, { id, p: done.position }, 'lanhdao.snv');
    expect(read.data?.incomingDocument).toMatchObject({
      deadline: extended,
      originalDeadline: original,
      extensions: [{ previousDeadline: original, deadline: extended, reason: 'Chờ ý kiến của Bộ Nội vụ', extendedBy: { username: 'truongphong.snv' } }],
    });
    const officerExtends = await refusedWithoutEffect(t, () =>
      t.graphql(EXTEND, { id, deadline: calendar.addWorkingDays(now, 20), reason: 'Xin thêm' }, 'chuyenvien.snv'),
    );
    expect(officerExtends.code).toBe('FORBIDDEN');
  });

  it('ends RECALLED when the sender recalls it, and then takes no more action', async () => {
    const id = await registered('stc');
    await succeed(t, 'mutation($id: ID!) { receiveRecallRequest(documentId: $id, reason: "Ban hành nhầm") { id } }', { id }, 'vanthu.stc');
    const recalled = await succeed(t, `mutation($id: ID!) { acknowledgeRecall(documentId: $id) ${RESULT} }`, { id }, 'vanthu.stc');
    const read = await t.graphql<{ incomingDocument: Record<string, unknown> }>(DOCUMENT, { id, p: recalled.position }, 'vanthu.stc');
    expect(read.data?.incomingDocument).toMatchObject({ status: 'RECALLED', recall: { reason: 'Ban hành nhầm', recalledAt: expect.any(String) } });
    const present = await refusedWithoutEffect(t, () => t.graphql(PRESENT, { id, leader: 'lanhdao.stc' }, 'vanthu.stc'));
    expect(present).toMatchObject({ code: 'INVALID_TRANSITION', status: 'RECALLED' });
  });

  it('rejects a document before registration, with a note required for OTHER', async () => {
    const doc = await receive(t, 'vanthu.ubnd');
    const reject = 'mutation($id: ID!, $reason: RejectionReason!, $note: String) { rejectIncomingDocument(documentId: $id, reason: $reason, note: $note) { id position } }';
    const noNote = await refusedWithoutEffect(t, () => t.graphql(reject, { id: doc.id, reason: 'OTHER' }, 'vanthu.ubnd'));
    expect(noNote).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const rejected = await succeed(t, reject, { id: doc.id, reason: 'WRONG_RECIPIENT', note: 'Gửi nhầm, thuộc Sở Tài chính' }, 'vanthu.ubnd');
    const read = await t.graphql<{ incomingDocument: { status: string } }>(DOCUMENT, { id: doc.id, p: rejected.position }, 'vanthu.ubnd');
    expect(read.data?.incomingDocument.status).toBe('REJECTED');
    const registerRejected = await refusedWithoutEffect(t, () =>
      t.graphql(`mutation($id: ID!) { registerIncomingDocument(documentId: $id) { id } }`, { id: doc.id }, 'vanthu.ubnd'),
    );
    expect(registerRejected).toMatchObject({ code: 'INVALID_TRANSITION', status: 'REJECTED' });
  });
});
