import { EventLog } from '../testing/event-log';
import {
  AGENCY,
  assignee,
  CLERK,
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
import { foldVietnamese } from './fold-vietnamese';
import { incomingDocumentsProjection as projection } from './incoming-documents.projection';

const DEADLINE = '2025-03-14T17:00:00+07:00';

describe('incoming documents projection', () => {
  let db: ProjectionDatabase;
  let log: EventLog;

  beforeAll(async () => {
    db = await createProjectionDatabase('rm_incoming_documents');
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.install(projection);
    log = new EventLog();
  });

  const row = async (documentId: string) => {
    const rows = await db.rows<Record<string, unknown>>(
      `SELECT *, issued_date::text AS issued_date, arrival_date::text AS arrival_date, due_date::text AS due_date
       FROM rm_incoming_documents.incoming_documents WHERE document_id = $1`,
      [documentId],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  const table = () => db.rows('SELECT * FROM rm_incoming_documents.incoming_documents ORDER BY document_id');

  it('records all metadata of a received document', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [doc.received({ urgency: 'URGENT', urgencyDueAt: '2025-03-04T08:45:00+07:00', dueDate: '2025-03-20' })]);

    expect(await row('doc-1')).toMatchObject({
      agency_code: AGENCY,
      channel: 'INTERCONNECT',
      sender_agency_code: '000.00.12.H41',
      sender_name: 'Sở Tài chính tỉnh Khánh Hòa',
      code_number: '05',
      code_notation: 'QĐ-STC',
      issued_date: '2025-03-03',
      document_type: 'Quyết định',
      subject: 'Quyết định phê duyệt dự toán kinh phí chuyển đổi số năm 2025',
      signer_full_name: 'Võ Thị Hoa',
      signer_position: 'Giám đốc',
      urgency: 'URGENT',
      confidentiality: 'NONE',
      due_date: '2025-03-20',
      attachments: [{ fileName: 'qd-05-stc.pdf', mediaType: 'application/pdf', sizeBytes: 245760, sha256: 'ab'.repeat(32) }],
      received_at: new Date('2025-03-04T08:15:00+07:00'),
      effective_received_at: new Date('2025-03-04T08:15:00+07:00'),
      registration_due_at: new Date('2025-03-04T16:45:00+07:00'),
      urgency_due_at: new Date('2025-03-04T08:45:00+07:00'),
      source_outgoing_document_id: null,
      received_by: CLERK,
      status: 'RECEIVED',
      register_code: null,
      arrival_number: null,
      search_text: 'quyet dinh phe duyet du toan kinh phi chuyen doi so nam 2025 05/qd-stc',
      revision: '0',
      forwarding: [],
      extensions: [],
      progress_notes: [],
    });
  });

  it('follows the full lifecycle from receipt to completion', async () => {
    const doc = incomingDocument(log, 'doc-1');
    const lead = assignee('LEAD', unitHandler(FINANCE_UNIT, 'Phòng Tài chính'), DEADLINE);
    const coordinate = assignee('COORDINATE', unitHandler(PLANNING_UNIT, 'Phòng Kế hoạch'), '2025-03-12T17:00:00+07:00');
    const events = [
      doc.received(),
      doc.registered(17),
      doc.presented(),
      doc.assigned([lead, coordinate]),
      doc.started(),
      doc.progress('Đã xin ý kiến Phòng Kế hoạch', '2025-03-07T10:00:00+07:00'),
      doc.progress('Đã trình dự thảo văn bản trả lời', '2025-03-12T16:00:00+07:00'),
      doc.completed({ completedLate: false }),
    ];
    await db.apply(projection, events);

    expect(await row('doc-1')).toMatchObject({
      status: 'COMPLETED',
      register_code: 'DEN',
      year: 2025,
      arrival_number: 17,
      arrival_date: '2025-03-04',
      registered_at: new Date('2025-03-04T09:00:00+07:00'),
      registered_late: false,
      registered_by: CLERK,
      presented_to: LEADER,
      presented_by: CLERK,
      assignments: {
        assignees: [lead, coordinate],
        instruction: 'Giao Phòng Tài chính chủ trì tham mưu, báo cáo trước hạn',
        deadline: DEADLINE,
        assignedAt: '2025-03-04T14:00:00+07:00',
        assignedBy: LEADER,
        routedByClerk: false,
      },
      lead_username: null,
      lead_unit_id: FINANCE_UNIT,
      lead_full_name: 'Phòng Tài chính',
      lead_deadline: new Date(DEADLINE),
      deadline: new Date(DEADLINE),
      original_deadline: new Date(DEADLINE),
      processing_started_at: new Date('2025-03-05T09:00:00+07:00'),
      progress_notes: [
        { note: 'Đã xin ý kiến Phòng Kế hoạch', reportedAt: '2025-03-07T10:00:00+07:00', reportedBy: OFFICER },
        { note: 'Đã trình dự thảo văn bản trả lời', reportedAt: '2025-03-12T16:00:00+07:00', reportedBy: OFFICER },
      ],
      completion_result: 'Đã tham mưu văn bản trả lời số 120/UBND-TC',
      reply_document_id: 'out-120',
      completed_at: new Date('2025-03-13T15:00:00+07:00'),
      completed_late: false,
      completed_by: OFFICER,
      revision: '7',
      updated_at: events[7].recordedAt,
    });
  });

  it('keeps the forwarding trail and moves the lead to the last hop', async () => {
    const doc = incomingDocument(log, 'doc-1');
    const unitHead = personHandler(UNIT_HEAD, FINANCE_UNIT);
    const officer = personHandler(OFFICER, FINANCE_UNIT);
    await db.apply(projection, [
      doc.received(),
      doc.registered(3),
      doc.assigned([assignee('LEAD', unitHead, DEADLINE)]),
      doc.forwarded(1, unitHead, officer, '2025-03-12T17:00:00+07:00'),
    ]);

    const forwarded = await row('doc-1');
    expect(forwarded).toMatchObject({
      status: 'ASSIGNED',
      lead_username: OFFICER.username,
      lead_unit_id: FINANCE_UNIT,
      lead_full_name: OFFICER.fullName,
      lead_deadline: new Date('2025-03-12T17:00:00+07:00'),
      deadline: new Date(DEADLINE),
      forwarding: [
        {
          hop: 1,
          from: unitHead,
          to: officer,
          instruction: 'Đồng chí Thảo nghiên cứu, dự thảo văn bản trả lời',
          deadline: '2025-03-12T17:00:00+07:00',
          by: UNIT_HEAD,
          at: '2025-03-05T08:30:00+07:00',
        },
      ],
    });
    // The directive stays as the leader wrote it.
    expect((forwarded.assignments as { assignees: unknown[] }).assignees).toEqual([assignee('LEAD', unitHead, DEADLINE)]);
  });

  it('keeps the original deadline across extensions', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [
      doc.received(),
      doc.registered(4),
      doc.assigned([assignee('LEAD', personHandler(OFFICER, FINANCE_UNIT), DEADLINE)]),
      doc.extended({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', originalDeadline: DEADLINE, leadDeadline: '2025-03-21T17:00:00+07:00' }),
      doc.extended({
        previousDeadline: '2025-03-21T17:00:00+07:00',
        deadline: '2025-03-28T17:00:00+07:00',
        originalDeadline: DEADLINE,
        leadDeadline: '2025-03-28T17:00:00+07:00',
      }),
    ]);

    const extended = await row('doc-1');
    expect(extended).toMatchObject({
      deadline: new Date('2025-03-28T17:00:00+07:00'),
      original_deadline: new Date(DEADLINE),
      lead_deadline: new Date('2025-03-28T17:00:00+07:00'),
    });
    expect(extended.extensions).toEqual([
      expect.objectContaining({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', extendedBy: LEADER }),
      expect.objectContaining({ previousDeadline: '2025-03-21T17:00:00+07:00', deadline: '2025-03-28T17:00:00+07:00' }),
    ]);
  });

  it('records a recall request, a refusal that restores the status, and an applied recall', async () => {
    const refusedDoc = incomingDocument(log, 'doc-refused');
    const recalledDoc = incomingDocument(log, 'doc-recalled');
    const lead = assignee('LEAD', personHandler(OFFICER, FINANCE_UNIT), DEADLINE);
    await db.apply(projection, [
      refusedDoc.received(),
      refusedDoc.registered(5),
      refusedDoc.assigned([lead]),
      refusedDoc.recallRequested('ASSIGNED'),
    ]);
    expect(await row('doc-refused')).toMatchObject({
      status: 'RECALL_REQUESTED',
      recall_reason: 'Văn bản có sai sót về số liệu, cơ quan gửi đề nghị thu hồi',
      recall_requested_at: new Date('2025-03-06T10:00:00+07:00'),
      recall_requested_by: CLERK,
      recalled_at: null,
    });

    await db.apply(projection, [
      refusedDoc.recallRefused('ASSIGNED'),
      recalledDoc.received(),
      recalledDoc.registered(6),
      recalledDoc.recallRequested('REGISTERED'),
      recalledDoc.recalled('REGISTERED'),
    ]);
    expect(await row('doc-refused')).toMatchObject({
      status: 'ASSIGNED',
      recall_refusal_reason: 'Văn bản đã được xử lý xong phần việc liên quan',
      recall_refused_at: new Date('2025-03-06T11:00:00+07:00'),
      recalled_at: null,
    });
    expect(await row('doc-recalled')).toMatchObject({
      status: 'RECALLED',
      recall_reason: 'Văn bản có sai sót về số liệu, cơ quan gửi đề nghị thu hồi',
      recalled_at: new Date('2025-03-06T11:00:00+07:00'),
      recalled_by: CLERK,
    });
  });

  it('records a rejection with its reason and note', async () => {
    const doc = incomingDocument(log, 'doc-1');
    await db.apply(projection, [doc.received(), doc.rejected()]);

    expect(await row('doc-1')).toMatchObject({
      status: 'REJECTED',
      rejection_reason: 'WRONG_RECIPIENT',
      rejection_note: 'Văn bản gửi nhầm, đề nghị gửi Sở Kế hoạch và Đầu tư',
      rejected_at: new Date('2025-03-04T09:30:00+07:00'),
      rejected_by: CLERK,
      register_code: null,
    });
  });

  it('links a paper copy to its original under the original number', async () => {
    const original = incomingDocument(log, 'doc-electronic');
    const copy = incomingDocument(log, 'doc-paper');
    await db.apply(projection, [
      original.received(),
      original.registered(12),
      copy.received({ channel: 'PAPER', receivedAt: '2025-03-06T09:40:00+07:00', effectiveReceivedAt: '2025-03-06T09:40:00+07:00' }),
      copy.paperCopyLinked('doc-electronic', 12),
    ]);

    expect(await row('doc-paper')).toMatchObject({
      channel: 'PAPER',
      paper_copy_of: 'doc-electronic',
      register_code: 'DEN',
      year: 2025,
      arrival_number: 12,
      paper_copy_linked_at: new Date('2025-03-06T10:00:00+07:00'),
      paper_copy_linked_by: CLERK,
      status: 'REGISTERED',
      arrival_date: null,
    });
    const copies = await db.rows<{ document_id: string }>(
      'SELECT document_id FROM rm_incoming_documents.incoming_documents WHERE paper_copy_of = $1',
      ['doc-electronic'],
    );
    expect(copies).toEqual([{ document_id: 'doc-paper' }]);
  });

  it('serves the register page in arrival number order with status and urgency filters', async () => {
    const events = [
      ...registeredDocument('doc-a', 2, 'NORMAL'),
      ...registeredDocument('doc-b', 1, 'FLASH'),
      ...registeredDocument('doc-c', 3, 'URGENT'),
    ];
    events.push(incomingDocument(log, 'doc-c').rejected());
    await db.apply(projection, events);

    const page = (filter: string, params: unknown[] = []) =>
      db.rows<{ document_id: string }>(
        `SELECT document_id FROM rm_incoming_documents.incoming_documents
         WHERE agency_code = $1 AND year = 2025 AND register_code = 'DEN' ${filter}
         ORDER BY arrival_number, document_id`,
        [AGENCY, ...params],
      );
    expect(await page('')).toEqual([{ document_id: 'doc-b' }, { document_id: 'doc-a' }, { document_id: 'doc-c' }]);
    expect(await page('AND status = $2', ['REGISTERED'])).toEqual([{ document_id: 'doc-b' }, { document_id: 'doc-a' }]);
    expect(await page('AND urgency = $2', ['FLASH'])).toEqual([{ document_id: 'doc-b' }]);
  });

  it('matches the text with or without diacritics, and the number/notation', async () => {
    const decision = incomingDocument(log, 'doc-decision');
    const letter = incomingDocument(log, 'doc-letter');
    await db.apply(projection, [
      decision.received({ subject: 'Quyết định về việc phân bổ kinh phí đào tạo', codeNumber: '27', codeNotation: 'QĐ-UBND' }),
      // Decomposed (NFD) input folds the same way.
      letter.received({ subject: 'Công văn đề nghị báo cáo tình hình thực hiện'.normalize('NFD'), codeNumber: '115', codeNotation: 'UBND-VP' }),
    ]);

    const search = (text: string) =>
      db.rows<{ document_id: string }>(
        `SELECT document_id FROM rm_incoming_documents.incoming_documents
         WHERE agency_code = $1 AND strpos(search_text, $2) > 0 ORDER BY document_id`,
        [AGENCY, foldVietnamese(text)],
      );
    expect(foldVietnamese('Quyết định')).toBe('quyet dinh');
    expect(await search('Quyết định')).toEqual([{ document_id: 'doc-decision' }]);
    expect(await search('quyet dinh')).toEqual([{ document_id: 'doc-decision' }]);
    expect(await search('ĐÀO TẠO')).toEqual([{ document_id: 'doc-decision' }]);
    expect(await search('27/QĐ-UBND')).toEqual([{ document_id: 'doc-decision' }]);
    expect(await search('bao cao tinh hinh')).toEqual([{ document_id: 'doc-letter' }]);
    expect(await search('UBND')).toEqual([{ document_id: 'doc-decision' }, { document_id: 'doc-letter' }]);
    expect(await search('quyết định khen thưởng')).toEqual([]);
  });

  it('answers a text search within one register-year from the register index', async () => {
    await db.apply(projection, [incomingDocument(log, 'doc-1').received()]);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      // On a table this small the planner would scan; forbid it to see that the index bounds the search.
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(
        `EXPLAIN SELECT document_id FROM rm_incoming_documents.incoming_documents
          WHERE agency_code = $1 AND year = $2 AND register_code = $3 AND strpos(search_text, $4) > 0
          ORDER BY arrival_number, document_id`,
        [AGENCY, 2025, 'DEN', foldVietnamese('kinh phí')],
      );
      await client.query('ROLLBACK');
      expect(rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('incoming_documents_register');
    } finally {
      client.release();
    }
  });

  it('is idempotent: applying the same events again, whole or in part, changes no row', async () => {
    const events = lifecycleOfSeveralDocuments();
    await db.apply(projection, events);
    const once = await table();
    expect(once).toHaveLength(4);

    await db.apply(projection, events);
    expect(await table()).toEqual(once);

    for (const event of events) await db.apply(projection, [event], 'one-by-one');
    await db.apply(projection, events.slice(3, 9));
    expect(await table()).toEqual(once);
  });

  it('builds the same rows one event at a time as in one batch', async () => {
    const events = lifecycleOfSeveralDocuments();
    await db.apply(projection, events, 'batch');
    const batched = await table();

    await db.install(projection);
    await db.apply(projection, events, 'one-by-one');
    expect(await table()).toEqual(batched);
  });

  function registeredDocument(documentId: string, arrivalNumber: number, urgency: 'NORMAL' | 'URGENT' | 'FLASH') {
    const doc = incomingDocument(log, documentId);
    return [doc.received({ urgency }), doc.registered(arrivalNumber)];
  }

  /** Four documents whose events interleave, as they do in `$all`. */
  function lifecycleOfSeveralDocuments() {
    const a = incomingDocument(log, 'doc-a');
    const b = incomingDocument(log, 'doc-b');
    const c = incomingDocument(log, 'doc-c');
    const d = incomingDocument(log, 'doc-d');
    const unitHead = personHandler(UNIT_HEAD, FINANCE_UNIT);
    const officer = personHandler(OFFICER, FINANCE_UNIT);
    return [
      a.received(),
      b.received({ urgency: 'FLASH' }),
      a.registered(1),
      c.received(),
      b.registered(2),
      a.assigned([assignee('LEAD', unitHead, DEADLINE)]),
      c.rejected(),
      a.forwarded(1, unitHead, officer, '2025-03-12T17:00:00+07:00'),
      b.assigned([assignee('LEAD', officer, DEADLINE)]),
      a.started(),
      d.received({ channel: 'PAPER' }),
      a.progress('Đang tổng hợp số liệu', '2025-03-06T10:00:00+07:00'),
      d.paperCopyLinked('doc-b', 2),
      b.extended({ previousDeadline: DEADLINE, deadline: '2025-03-21T17:00:00+07:00', originalDeadline: DEADLINE, leadDeadline: '2025-03-21T17:00:00+07:00' }),
      a.completed(),
      b.recallRequested('ASSIGNED'),
      b.recalled('ASSIGNED'),
    ];
  }
});
