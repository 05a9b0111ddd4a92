import { EventLog } from '../testing/event-log';
import {
  AGENCY,
  assignee,
  FINANCE_UNIT,
  incomingDocument,
  LEADER,
  OFFICER,
  personHandler,
  PLANNING_UNIT,
  UNIT_HEAD,
  unitHandler,
} from '../testing/incoming-fixtures';
import { createProjectionDatabase, ProjectionDatabase } from '../testing/projection-database';
import { inboxProjection as projection } from './inbox.projection';

const DEADLINE = '2025-03-14T17:00:00+07:00';
const COLLEAGUE = { username: 'cv.nam', fullName: 'Đỗ Văn Nam' };

describe('inbox projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_inbox');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const items = (documentId: string) =>
    db.rows<Record<string, unknown>>(
      `SELECT username, unit_id, member_of_unit_id, full_name, role, instruction, deadline, urgency, urgency_rank, status, arrival_number
       FROM rm_inbox.inbox_items WHERE document_id = $1 ORDER BY assignee`,
      [documentId],
    );
  const myInbox = (username: string) =>
    db.rows<{ document_id: string }>(
      'SELECT document_id FROM rm_inbox.inbox_items WHERE username = $1 ORDER BY urgency_rank, deadline, document_id, assignee LIMIT 50',
      [username],
    );
  const table = () => db.rows('SELECT * FROM rm_inbox.inbox_items ORDER BY document_id, assignee');
  const documents = () => db.rows('SELECT * FROM rm_inbox.documents ORDER BY document_id');

  it('opens one row per assignee of the directive, with the document summary', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [
      doc.received({ urgency: 'VERY_URGENT' }),
      doc.registered(21),
      doc.presented(),
      doc.assigned(
        [
          assignee('LEAD', unitHandler(FINANCE_UNIT, 'Phòng Tài chính'), DEADLINE),
          assignee('COORDINATE', personHandler(OFFICER, PLANNING_UNIT), '2025-03-12T17:00:00+07:00'),
          assignee('INFORMATION', unitHandler(PLANNING_UNIT, 'Phòng Kế hoạch'), DEADLINE),
        ],
        { urgency: 'VERY_URGENT' },
      ),
    ]);

    expect(await items('doc-1')).toEqual([
      expect.objectContaining({ username: null, unit_id: PLANNING_UNIT, role: 'INFORMATION' }),
      {
        username: null,
        unit_id: FINANCE_UNIT,
        member_of_unit_id: null,
        full_name: 'Phòng Tài chính',
        role: 'LEAD',
        instruction: 'Giao Phòng Tài chính chủ trì tham mưu, báo cáo trước hạn',
        deadline: new Date(DEADLINE),
        urgency: 'VERY_URGENT',
        urgency_rank: 1,
        status: 'ASSIGNED',
        arrival_number: 21,
      },
      expect.objectContaining({
        username: OFFICER.username,
        unit_id: null,
        member_of_unit_id: PLANNING_UNIT,
        role: 'COORDINATE',
        deadline: new Date('2025-03-12T17:00:00+07:00'),
      }),
    ]);
    const [row] = await db.rows('SELECT * FROM rm_inbox.inbox_items WHERE unit_id = $1', [FINANCE_UNIT]);
    expect(row).toMatchObject({
      agency_code: AGENCY,
      subject: 'Quyết định phê duyệt dự toán kinh phí chuyển đổi số năm 2025',
      code_number: '05',
      code_notation: 'QĐ-STC',
      sender_name: 'Sở Tài chính tỉnh Khánh Hòa',
      register_code: 'DEN',
      year: 2025,
      assigned_by: LEADER,
      assigned_at: new Date('2025-03-04T14:00:00+07:00'),
    });
  });

  it('lists a person’s open work urgent first (FLASH … NORMAL), then by deadline', async () => {
    const cases = [
      { id: 'doc-normal-early', urgency: 'NORMAL', deadline: '2025-03-07T17:00:00+07:00' },
      { id: 'doc-urgent', urgency: 'URGENT', deadline: '2025-03-20T17:00:00+07:00' },
      { id: 'doc-flash', urgency: 'FLASH', deadline: '2025-03-25T17:00:00+07:00' },
      { id: 'doc-normal-late', urgency: 'NORMAL', deadline: '2025-03-21T17:00:00+07:00' },
      { id: 'doc-very-urgent', urgency: 'VERY_URGENT', deadline: '2025-03-10T17:00:00+07:00' },
    ] as const;
    const events = cases.flatMap(({ id, urgency, deadline }, i) => {
      const doc = incomingDocument(log, id);
      return [
        doc.received({ urgency }),
        doc.registered(i + 1),
        doc.assigned([assignee('LEAD', personHandler(OFFICER, FINANCE_UNIT), deadline)], { urgency, deadline }),
      ];
    });
    await db.apply(projection, events);

    expect((await myInbox(OFFICER.username)).map((r) => r.document_id)).toEqual([
      'doc-flash',
      'doc-very-urgent',
      'doc-urgent',
      'doc-normal-early',
      'doc-normal-late',
    ]);
    expect(await myInbox(UNIT_HEAD.username)).toEqual([]);
  });

  it('moves the LEAD row to the new lead when the assignment is forwarded', async () => {
    const doc = incomingDocument(log, 'doc-1');
    const unitHead = personHandler(UNIT_HEAD, FINANCE_UNIT);
    const officer = personHandler(OFFICER, FINANCE_UNIT);
    const colleague = personHandler(COLLEAGUE, FINANCE_UNIT);
    await db.apply(projection, [
      doc.received(),
      doc.registered(1),
      doc.assigned([assignee('LEAD', unitHead, DEADLINE), assignee('COORDINATE', colleague, DEADLINE)]),
      doc.forwarded(1, unitHead, officer, '2025-03-12T17:00:00+07:00'),
    ]);

    expect(await myInbox(UNIT_HEAD.username)).toEqual([]);
    expect(await items('doc-1')).toEqual([
      expect.objectContaining({ username: COLLEAGUE.username, role: 'COORDINATE' }),
      expect.objectContaining({
        username: OFFICER.username,
        role: 'LEAD',
        instruction: 'Đồng chí Thảo nghiên cứu, dự thảo văn bản trả lời',
        deadline: new Date('2025-03-12T17:00:00+07:00'),
        status: 'ASSIGNED',
      }),
    ]);

    // Forwarded on to the co-operating colleague: the colleague's one row becomes the LEAD row.
    await db.apply(projection, [doc.forwarded(2, officer, colleague, '2025-03-11T17:00:00+07:00', { forwardedBy: UNIT_HEAD })]);
    expect(await items('doc-1')).toEqual([
      expect.objectContaining({ username: COLLEAGUE.username, role: 'LEAD', deadline: new Date('2025-03-11T17:00:00+07:00') }),
    ]);
  });

  it('follows the status and moves deadlines on an extension', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [
      doc.received(),
      doc.registered(1),
      doc.assigned([
        assignee('LEAD', personHandler(OFFICER, FINANCE_UNIT), DEADLINE),
        assignee('COORDINATE', unitHandler(PLANNING_UNIT, 'Phòng Kế hoạch'), DEADLINE),
        assignee('COORDINATE', personHandler(COLLEAGUE, FINANCE_UNIT), '2025-03-10T17:00:00+07:00'),
      ]),
      doc.started(),
      doc.extended({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', originalDeadline: DEADLINE, leadDeadline: '2025-03-21T17:00:00+07:00' }),
    ]);

    expect(await items('doc-1')).toEqual([
      expect.objectContaining({ unit_id: PLANNING_UNIT, deadline: new Date('2025-03-21T17:00:00+07:00'), status: 'IN_PROGRESS' }),
      expect.objectContaining({ username: COLLEAGUE.username, deadline: new Date('2025-03-10T17:00:00+07:00'), status: 'IN_PROGRESS' }),
      expect.objectContaining({ username: OFFICER.username, role: 'LEAD', deadline: new Date('2025-03-21T17:00:00+07:00'), status: 'IN_PROGRESS' }),
    ]);
  });

  it('closes every row of a document on completion, on recall and never opens any for a rejected one', async () => {
    const completed = incomingDocument(log, 'doc-completed');
    const recalled = incomingDocument(log, 'doc-recalled');
    const rejected = incomingDocument(log, 'doc-rejected');
    const lines = [assignee('LEAD', personHandler(OFFICER, FINANCE_UNIT), DEADLINE), assignee('INFORMATION', unitHandler(PLANNING_UNIT, 'Phòng Kế hoạch'), DEADLINE)];
    await db.apply(projection, [
      completed.received(),
      completed.registered(1),
      completed.assigned(lines),
      recalled.received(),
      recalled.registered(2),
      recalled.assigned(lines),
      recalled.recallRequested('ASSIGNED'),
      rejected.received(),
      rejected.rejected(),
    ]);
    // A pending recall request leaves the work open.
    expect(await items('doc-recalled')).toEqual([
      expect.objectContaining({ status: 'RECALL_REQUESTED' }),
      expect.objectContaining({ status: 'RECALL_REQUESTED' }),
    ]);

    await db.apply(projection, [completed.started(), completed.completed(), recalled.recalled('ASSIGNED')]);
    expect(await table()).toEqual([]);
    expect(await db.rows('SELECT document_id, status FROM rm_inbox.documents ORDER BY document_id')).toEqual([
      { document_id: 'doc-completed', status: 'COMPLETED' },
      { document_id: 'doc-recalled', status: 'RECALLED' },
      { document_id: 'doc-rejected', status: 'REJECTED' },
    ]);
  });

  it('serves a person’s and a unit’s inbox, and its count, from their indexes', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(
        'EXPLAIN SELECT * FROM rm_inbox.inbox_items WHERE username = $1 ORDER BY urgency_rank, deadline, document_id, assignee LIMIT 50',
        [OFFICER.username],
      );
      const unit = await client.query(
        'EXPLAIN SELECT * FROM rm_inbox.inbox_items WHERE agency_code = $1 AND unit_id = $2 ORDER BY urgency_rank, deadline, document_id, assignee LIMIT 50',
        [AGENCY, FINANCE_UNIT],
      );
      // totalCount as one count per source (rows are a person's or a unit's, never both), filtered by role.
      await client.query('SET LOCAL enable_bitmapscan = off');
      const count = await client.query(
        'EXPLAIN SELECT count(*) FROM rm_inbox.inbox_items WHERE username = $1 AND role = $2 AND urgency = $3',
        [OFFICER.username, 'LEAD', 'FLASH'],
      );
      await client.query('ROLLBACK');
      const plan = (result: { 'QUERY PLAN': string }[]) => result.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan(count.rows)).toContain('Index Only Scan using inbox_items_user');
      expect(plan(rows)).toContain('Index Scan using inbox_items_user');
      expect(plan(rows)).not.toContain('Sort');
      expect(plan(unit.rows)).toContain('Index Scan using inbox_items_unit');
      expect(plan(unit.rows)).not.toContain('Sort');
    } finally {
      client.release();
    }
  });

  it('is idempotent and gives the same rows in one batch as one event at a time', async () => {
    const events = interleavedDocuments();
    await db.apply(projection, events);
    const once = { items: await table(), documents: await documents() };
    expect(once.items.length).toBeGreaterThan(0);

    await db.apply(projection, events);
    for (const event of events) await db.apply(projection, [event], 'one-by-one');
    await db.apply(projection, events.slice(2, 8));
    expect({ items: await table(), documents: await documents() }).toEqual(once);

    await db.install(projection);
    await db.apply(projection, events, 'one-by-one');
    expect({ items: await table(), documents: await documents() }).toEqual(once);
  });

  function interleavedDocuments() {
    const a = incomingDocument(log, 'doc-a');
    const b = incomingDocument(log, 'doc-b');
    const c = incomingDocument(log, 'doc-c');
    const unitHead = personHandler(UNIT_HEAD, FINANCE_UNIT);
    const officer = personHandler(OFFICER, FINANCE_UNIT);
    return [
      a.received({ urgency: 'URGENT' }),
      b.received(),
      a.registered(1),
      b.registered(2),
      c.received(),
      a.assigned([assignee('LEAD', unitHead, DEADLINE), assignee('COORDINATE', unitHandler(PLANNING_UNIT, 'Phòng Kế hoạch'), DEADLINE)], { urgency: 'URGENT' }),
      b.assigned([assignee('LEAD', officer, DEADLINE)]),
      a.forwarded(1, unitHead, officer, '2025-03-12T17:00:00+07:00', { urgency: 'URGENT' }),
      c.registered(3),
      b.started(),
      a.extended({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', originalDeadline: DEADLINE, leadDeadline: '2025-03-19T17:00:00+07:00' }),
      b.completed(),
      c.assigned([assignee('LEAD', officer, DEADLINE)]),
      c.recallRequested('ASSIGNED'),
    ];
  }
});
