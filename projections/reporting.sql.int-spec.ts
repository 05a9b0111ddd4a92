import { deadlinesProjection } from './deadlines/deadlines.projection';
import { inboxProjection } from './inbox/inbox.projection';
import { incomingDocumentsProjection } from './incoming-documents/incoming-documents.projection';
import { registersProjection } from './registers/registers.projection';
import { reportingViews } from './reporting.sql';
import { EventLog } from './testing/event-log';
import { AGENCY, assignee, FINANCE_UNIT, incomingDocument, LEADER, OFFICER, personHandler, register, UNIT_HEAD } from './testing/incoming-fixtures';
import { createProjectionDatabase, ProjectionDatabase } from './testing/projection-database';

const projections = [registersProjection, incomingDocumentsProjection, inboxProjection, deadlinesProjection];
const DEADLINE = '2025-03-14T17:00:00+07:00';

describe('reporting views', () => {
  let db: ProjectionDatabase;

  beforeAll(async () => {
    db = await createProjectionDatabase('reporting');
  });
  afterAll(async () => db.close());

  async function buildReadModels() {
    const log = new EventLog();
    const doc = incomingDocument(log, 'doc-1');
    const den = register(log, 'DEN', 2025);
    const unitHead = personHandler(UNIT_HEAD, FINANCE_UNIT);
    const officer = personHandler(OFFICER, FINANCE_UNIT);
    doc.received();
    den.allocated({ kind: 'INCOMING', name: 'Sổ văn bản đến', number: 1, documentId: 'doc-1' });
    doc.registered(1);
    doc.assigned([assignee('LEAD', unitHead, DEADLINE), assignee('INFORMATION', personHandler(LEADER, null), DEADLINE)]);
    doc.forwarded(1, unitHead, officer, '2025-03-12T17:00:00+07:00');
    doc.extended({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', originalDeadline: DEADLINE, leadDeadline: '2025-03-19T17:00:00+07:00' });
    for (const projection of projections) {
      await db.install(projection);
      await db.apply(projection, log.all.filter((event) => projection.eventTypes.includes(event.type)));
    }
  }

  const runViews = async () => {
    for (const statement of reportingViews) await db.pool.query(statement);
  };

  it('exposes registers, documents, directives, forwards, extensions, open work and deadlines', async () => {
    await buildReadModels();
    await runViews();
    // Idempotent: a second run (e.g. the next start-up) replaces the views in place.
    await runViews();

    expect(await db.rows('SELECT register_code, last_number, opened_by_hand FROM reporting.registers')).toEqual([
      { register_code: 'DEN', last_number: 1, opened_by_hand: false },
    ]);
    expect(await db.rows('SELECT * FROM reporting.incoming_documents')).toEqual([
      expect.objectContaining({
        document_id: 'doc-1',
        agency_code: AGENCY,
        status: 'ASSIGNED',
        attachment_count: 1,
        received_by: 'vanthu.lan',
        registered_by: 'vanthu.lan',
        arrival_number: 1,
        assigned_by: LEADER.username,
        routed_by_clerk: false,
        instruction: 'Giao Phòng Tài chính chủ trì tham mưu, báo cáo trước hạn',
        lead_username: OFFICER.username,
        lead_unit_id: FINANCE_UNIT,
        deadline: new Date('2025-03-21T17:00:00+07:00'),
        original_deadline: new Date(DEADLINE),
        extension_count: 1,
        forward_count: 1,
      }),
    ]);
    expect(await db.rows('SELECT role, username, unit_id_of_user, deadline FROM reporting.incoming_assignees ORDER BY role')).toEqual([
      { role: 'INFORMATION', username: LEADER.username, unit_id_of_user: null, deadline: new Date(DEADLINE) },
      { role: 'LEAD', username: UNIT_HEAD.username, unit_id_of_user: FINANCE_UNIT, deadline: new Date(DEADLINE) },
    ]);
    expect(await db.rows('SELECT * FROM reporting.incoming_forwards')).toEqual([
      {
        document_id: 'doc-1',
        agency_code: AGENCY,
        hop: 1,
        from_username: UNIT_HEAD.username,
        from_unit_id: null,
        from_full_name: UNIT_HEAD.fullName,
        to_username: OFFICER.username,
        to_unit_id: null,
        to_responsible_unit_id: FINANCE_UNIT,
        to_full_name: OFFICER.fullName,
        instruction: 'Đồng chí Thảo nghiên cứu, dự thảo văn bản trả lời',
        deadline: new Date('2025-03-12T17:00:00+07:00'),
        forwarded_by: UNIT_HEAD.username,
        forwarded_at: new Date('2025-03-05T08:30:00+07:00'),
      },
    ]);
    expect(await db.rows('SELECT previous_deadline, deadline, lead_deadline, extended_by FROM reporting.incoming_deadline_extensions')).toEqual([
      {
        previous_deadline: new Date(DEADLINE),
        deadline: new Date('2025-03-21T17:00:00+07:00'),
        lead_deadline: new Date('2025-03-19T17:00:00+07:00'),
        extended_by: LEADER.username,
      },
    ]);
    expect(await db.rows('SELECT username, role, deadline FROM reporting.open_assignments ORDER BY role')).toEqual([
      { username: LEADER.username, role: 'INFORMATION', deadline: new Date('2025-03-21T17:00:00+07:00') },
      { username: OFFICER.username, role: 'LEAD', deadline: new Date('2025-03-19T17:00:00+07:00') },
    ]);
    expect(await db.rows('SELECT kind, due_at, lead_username FROM reporting.open_deadlines')).toEqual([
      { kind: 'PROCESSING', due_at: new Date('2025-03-19T17:00:00+07:00'), lead_username: OFFICER.username },
    ]);
  });

  it('can be recreated after a rebuild dropped a read model schema with its views', async () => {
    await buildReadModels();
    await runViews();
    // What a rebuild switch-over does to the live schema.
    await db.pool.query('DROP SCHEMA rm_incoming_documents CASCADE');
    expect(await db.rows(`SELECT 1 FROM information_schema.views WHERE table_schema = 'reporting' AND table_name = 'incoming_forwards'`)).toEqual([]);

    await db.install(incomingDocumentsProjection);
    await runViews();
    expect(await db.rows('SELECT count(*)::int AS views FROM information_schema.views WHERE table_schema = $1', ['reporting'])).toEqual([{ views: 7 }]);
  });
});
