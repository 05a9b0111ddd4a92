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
import { deadlinesProjection as projection } from './deadlines.projection';

const DEADLINE = '2025-03-14T17:00:00+07:00';

describe('deadlines projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_deadlines');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const rowsOf = (documentId: string) =>
    db.rows<Record<string, unknown>>(
      `SELECT kind, due_at, lead_username, lead_unit_id, lead_full_name, document_deadline, status
       FROM rm_deadlines.deadlines WHERE document_id = $1 ORDER BY kind`,
      [documentId],
    );
  const table = () => db.rows('SELECT * FROM rm_deadlines.deadlines ORDER BY document_id, kind');
  const documents = () => db.rows('SELECT * FROM rm_deadlines.documents ORDER BY document_id');

  it('watches registration, and for an urgent document its directive, until they happen', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [doc.received({ urgency: 'FLASH', urgencyDueAt: '2025-03-04T08:45:00+07:00' })]);
    expect(await rowsOf('doc-1')).toEqual([
      { kind: 'REGISTRATION', due_at: new Date('2025-03-04T16:45:00+07:00'), lead_username: null, lead_unit_id: null, lead_full_name: null, document_deadline: null, status: 'RECEIVED' },
      { kind: 'URGENCY', due_at: new Date('2025-03-04T08:45:00+07:00'), lead_username: null, lead_unit_id: null, lead_full_name: null, document_deadline: null, status: 'RECEIVED' },
    ]);

    await db.apply(projection, [doc.registered(9), doc.presented()]);
    expect(await rowsOf('doc-1')).toEqual([
      expect.objectContaining({ kind: 'URGENCY', lead_username: LEADER.username, lead_full_name: LEADER.fullName, status: 'PRESENTED' }),
    ]);

    await db.apply(projection, [doc.assigned([assignee('LEAD', personHandler(UNIT_HEAD, FINANCE_UNIT), '2025-03-07T17:00:00+07:00')], { urgency: 'FLASH' })]);
    expect(await rowsOf('doc-1')).toEqual([
      {
        kind: 'PROCESSING',
        due_at: new Date('2025-03-07T17:00:00+07:00'),
        lead_username: UNIT_HEAD.username,
        lead_unit_id: FINANCE_UNIT,
        lead_full_name: UNIT_HEAD.fullName,
        document_deadline: new Date(DEADLINE),
        status: 'ASSIGNED',
      },
    ]);
    const [row] = await db.rows('SELECT * FROM rm_deadlines.deadlines WHERE document_id = $1', ['doc-1']);
    expect(row).toMatchObject({
      agency_code: AGENCY,
      urgency: 'FLASH',
      subject: 'Quyết định phê duyệt dự toán kinh phí chuyển đổi số năm 2025',
      code_number: '05',
      code_notation: 'QĐ-STC',
      sender_name: 'Sở Tài chính tỉnh Khánh Hòa',
      register_code: 'DEN',
      year: 2025,
      arrival_number: 9,
    });
  });

  it('finds the rows an event changes through their keys, not by scanning every document projected', async () => {
    const many = Array.from({ length: 3_000 }, (_, n) => incomingDocument(log, `doc-${n}`));
    await db.apply(projection, many.map((doc) => doc.received()));
    await db.rows('ANALYZE rm_deadlines.deadlines, rm_deadlines.documents');
    const doc = many[1_234];

    const plans = await db.plans(projection, [
      doc.registered(9),
      doc.assigned([assignee('LEAD', personHandler(UNIT_HEAD, FINANCE_UNIT), '2025-03-07T17:00:00+07:00')]),
    ]);

    expect(plans.length).toBeGreaterThan(1);
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on (deadlines|documents)/);
    expect(await rowsOf('doc-1234')).toEqual([expect.objectContaining({ kind: 'PROCESSING', lead_username: UNIT_HEAD.username })]);
  });

  it('moves the processing deadline with a forward and an extension', async () => {
    const doc = incomingDocument(log, 'doc-1');
    const unitHead = personHandler(UNIT_HEAD, FINANCE_UNIT);
    await db.apply(projection, [
      doc.received(),
      doc.registered(1),
      doc.assigned([assignee('LEAD', unitHead, DEADLINE)]),
      doc.forwarded(1, unitHead, personHandler(OFFICER, FINANCE_UNIT), '2025-03-12T17:00:00+07:00'),
    ]);
    expect(await rowsOf('doc-1')).toEqual([
      expect.objectContaining({
        kind: 'PROCESSING',
        due_at: new Date('2025-03-12T17:00:00+07:00'),
        lead_username: OFFICER.username,
        lead_unit_id: FINANCE_UNIT,
        document_deadline: new Date(DEADLINE),
      }),
    ]);

    await db.apply(projection, [
      doc.extended({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', originalDeadline: DEADLINE, leadDeadline: '2025-03-19T17:00:00+07:00' }),
    ]);
    expect(await rowsOf('doc-1')).toEqual([
      expect.objectContaining({
        kind: 'PROCESSING',
        due_at: new Date('2025-03-19T17:00:00+07:00'),
        lead_username: OFFICER.username,
        document_deadline: new Date('2025-03-21T17:00:00+07:00'),
      }),
    ]);
  });

  it('drops every row when the obligation ends: completion, recall, rejection, paper-copy link', async () => {
    const completed = incomingDocument(log, 'doc-completed');
    const recalled = incomingDocument(log, 'doc-recalled');
    const rejected = incomingDocument(log, 'doc-rejected');
    const original = incomingDocument(log, 'doc-original');
    const copy = incomingDocument(log, 'doc-copy');
    const lead = [assignee('LEAD', unitHandler(FINANCE_UNIT, 'Phòng Tài chính'), DEADLINE)];
    await db.apply(projection, [
      completed.received(),
      completed.registered(1),
      completed.assigned(lead),
      completed.started(),
      recalled.received({ urgency: 'URGENT', urgencyDueAt: '2025-03-04T08:45:00+07:00' }),
      rejected.received(),
      original.received(),
      original.registered(2),
      copy.received({ channel: 'PAPER', urgency: 'URGENT', urgencyDueAt: '2025-03-06T10:10:00+07:00' }),
    ]);
    expect(await db.rows('SELECT document_id, kind FROM rm_deadlines.deadlines ORDER BY document_id, kind')).toEqual([
      { document_id: 'doc-completed', kind: 'PROCESSING' },
      { document_id: 'doc-copy', kind: 'REGISTRATION' },
      { document_id: 'doc-copy', kind: 'URGENCY' },
      { document_id: 'doc-recalled', kind: 'REGISTRATION' },
      { document_id: 'doc-recalled', kind: 'URGENCY' },
      { document_id: 'doc-rejected', kind: 'REGISTRATION' },
    ]);

    await db.apply(projection, [
      completed.completed(),
      recalled.recallRequested('RECEIVED'),
      recalled.recalled('RECEIVED'),
      rejected.rejected(),
      copy.paperCopyLinked('doc-original', 2),
    ]);
    expect(await table()).toEqual([]);
    expect(await db.rows('SELECT document_id, status, arrival_number FROM rm_deadlines.documents ORDER BY document_id')).toEqual([
      { document_id: 'doc-completed', status: 'COMPLETED', arrival_number: 1 },
      { document_id: 'doc-copy', status: 'REGISTERED', arrival_number: 2 },
      { document_id: 'doc-original', status: 'REGISTERED', arrival_number: 2 },
      { document_id: 'doc-recalled', status: 'RECALLED', arrival_number: null },
      { document_id: 'doc-rejected', status: 'REJECTED', arrival_number: null },
    ]);
  });

  it('keeps the rows while a recall request is pending, and after a refusal', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [
      doc.received(),
      doc.registered(1),
      doc.assigned([assignee('LEAD', personHandler(OFFICER, FINANCE_UNIT), DEADLINE)]),
      doc.recallRequested('ASSIGNED'),
    ]);
    expect(await rowsOf('doc-1')).toEqual([expect.objectContaining({ kind: 'PROCESSING', status: 'RECALL_REQUESTED' })]);

    await db.apply(projection, [doc.recallRefused('ASSIGNED')]);
    expect(await rowsOf('doc-1')).toEqual([expect.objectContaining({ kind: 'PROCESSING', status: 'ASSIGNED' })]);
  });

  it('answers OVERDUE and DUE_SOON per agency, person and unit', async () => {
    const late = incomingDocument(log, 'doc-late');
    const soon = incomingDocument(log, 'doc-soon');
    const later = incomingDocument(log, 'doc-later');
    const planning = incomingDocument(log, 'doc-planning');
    const unregistered = incomingDocument(log, 'doc-unregistered');
    const officer = personHandler(OFFICER, FINANCE_UNIT);
    await db.apply(projection, [
      ...[late, soon, later, planning].flatMap((doc, i) => [doc.received(), doc.registered(i + 1)]),
      late.assigned([assignee('LEAD', officer, '2025-03-10T17:00:00+07:00')]),
      soon.assigned([assignee('LEAD', unitHandler(FINANCE_UNIT, 'Phòng Tài chính'), '2025-03-12T10:00:00+07:00')]),
      later.assigned([assignee('LEAD', officer, '2025-03-20T17:00:00+07:00')]),
      planning.assigned([assignee('LEAD', unitHandler(PLANNING_UNIT, 'Phòng Kế hoạch'), '2025-03-11T09:00:00+07:00')]),
      unregistered.received({ registrationDueAt: '2025-03-11T16:45:00+07:00' }),
    ]);
    const now = '2025-03-11T15:00:00+07:00';
    const boundary = '2025-03-12T15:00:00+07:00';
    const deadlines = (where: string, params: unknown[]) =>
      db.rows<{ document_id: string; kind: string }>(
        `SELECT document_id, kind FROM rm_deadlines.deadlines WHERE agency_code = $1 AND ${where} ORDER BY due_at, document_id, kind`,
        [AGENCY, ...params],
      );

    const overdue = 'due_at < $2';
    const dueSoon = 'due_at >= $2 AND due_at < $3';
    expect(await deadlines(overdue, [now])).toEqual([
      { document_id: 'doc-late', kind: 'PROCESSING' },
      { document_id: 'doc-planning', kind: 'PROCESSING' },
    ]);
    expect(await deadlines(dueSoon, [now, boundary])).toEqual([
      { document_id: 'doc-unregistered', kind: 'REGISTRATION' },
      { document_id: 'doc-soon', kind: 'PROCESSING' },
    ]);
    expect(await deadlines(`lead_username = $3 AND ${overdue}`, [now, OFFICER.username])).toEqual([{ document_id: 'doc-late', kind: 'PROCESSING' }]);
    // The unit filter finds the unit's own work and its members' work.
    expect(await deadlines(`lead_unit_id = $2`, [FINANCE_UNIT])).toEqual([
      { document_id: 'doc-late', kind: 'PROCESSING' },
      { document_id: 'doc-soon', kind: 'PROCESSING' },
      { document_id: 'doc-later', kind: 'PROCESSING' },
    ]);
    expect(await db.rows('SELECT 1 FROM rm_deadlines.deadlines WHERE agency_code = $1', ['000.00.02.H41'])).toEqual([]);
  });

  it('serves the three filters from indexes, in due order', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = async (where: string, params: unknown[]) => {
        const { rows } = await client.query(
          `EXPLAIN SELECT * FROM rm_deadlines.deadlines WHERE agency_code = $1 AND ${where}
           ORDER BY due_at, document_id, kind LIMIT 50`,
          [AGENCY, ...params],
        );
        return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      };
      const now = new Date();
      const agency = await plan('due_at < $2', [now]);
      const person = await plan('lead_username = $2 AND due_at < $3', [OFFICER.username, now]);
      const unit = await plan('lead_unit_id = $2 AND due_at < $3', [FINANCE_UNIT, now]);
      await client.query('ROLLBACK');
      expect(agency).toContain('Index Scan using deadlines_agency');
      expect(person).toContain('Index Scan using deadlines_lead_username');
      expect(unit).toContain('Index Scan using deadlines_lead_unit');
      for (const text of [agency, person, unit]) expect(text).not.toContain('Sort');
    } finally {
      client.release();
    }
  });

  it('is idempotent and gives the same rows in one batch as one event at a time', async () => {
    const a = incomingDocument(log, 'doc-a');
    const b = incomingDocument(log, 'doc-b');
    const c = incomingDocument(log, 'doc-c');
    const unitHead = personHandler(UNIT_HEAD, FINANCE_UNIT);
    const events = [
      a.received({ urgency: 'URGENT', urgencyDueAt: '2025-03-04T08:45:00+07:00' }),
      b.received(),
      c.received(),
      a.registered(1),
      a.presented(),
      b.registered(2),
      a.assigned([assignee('LEAD', unitHead, DEADLINE)], { urgency: 'URGENT' }),
      b.assigned([assignee('LEAD', unitHead, DEADLINE)]),
      a.forwarded(1, unitHead, personHandler(OFFICER, FINANCE_UNIT), '2025-03-12T17:00:00+07:00'),
      c.rejected(),
      b.extended({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', originalDeadline: DEADLINE, leadDeadline: '2025-03-21T17:00:00+07:00' }),
      b.completed(),
    ];
    await db.apply(projection, events);
    const once = { rows: await table(), documents: await documents() };
    expect(once.rows).toHaveLength(1);

    await db.apply(projection, events);
    for (const event of events) await db.apply(projection, [event], 'one-by-one');
    await db.apply(projection, events.slice(0, 6));
    expect({ rows: await table(), documents: await documents() }).toEqual(once);

    await db.install(projection);
    await db.apply(projection, events, 'one-by-one');
    expect({ rows: await table(), documents: await documents() }).toEqual(once);
  });
});
