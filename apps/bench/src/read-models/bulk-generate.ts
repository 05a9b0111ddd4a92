import type { Pool, PoolClient } from 'pg';
import { DEFAULT_INCOMING_REGISTER_CODE } from '@app/domain';
import type { ProjectionDefinition } from '@app/projection-runner';
import { deadlinesProjection, foldVietnamese, inboxProjection, incomingDocumentsProjection, outgoingDocumentsProjection } from '@app/projections';
import { generateOutgoing } from './bulk-generate-outgoing';
import { AGENCIES, OFFICERS_PER_AGENCY, UNITS_PER_AGENCY } from './province-shape';

/** Subjects of incoming documents (Vietnamese, with diacritics), folded in TS exactly as the projection folds them. */
const KINDS = [
  ['Công văn', 'BNV-CCVC', 'Về việc báo cáo tình hình thực hiện chế độ, chính sách đối với cán bộ, công chức'],
  ['Quyết định', 'QĐ-UBND', 'Về việc phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức'],
  ['Kế hoạch', 'KH-STC', 'Triển khai công tác quyết toán ngân sách nhà nước và kiểm tra chi tiêu công'],
  ['Thông báo', 'TB-SKHĐT', 'Kết luận của Giám đốc Sở tại cuộc họp giao ban về tiến độ giải ngân vốn đầu tư'],
  ['Công văn', 'UBND-KT', 'Về việc đôn đốc thực hiện các nhiệm vụ phát triển kinh tế - xã hội quý III'],
  ['Tờ trình', 'TTr-SXD', 'Đề nghị thẩm định hồ sơ thiết kế cơ sở dự án đường giao thông nông thôn'],
  ['Báo cáo', 'BC-STNMT', 'Kết quả thanh tra việc chấp hành pháp luật về đất đai và bảo vệ môi trường'],
  ['Giấy mời', 'GM-VP', 'Mời dự hội nghị sơ kết công tác cải cách hành chính, chuyển đổi số'],
] as const;
const SENDERS = [
  ['000.00.00.G09', 'Bộ Nội vụ'],
  ['000.00.00.G12', 'Bộ Tài chính'],
  ['000.00.00.H41', 'Ủy ban nhân dân tỉnh Demo'],
  [null, 'Công ty TNHH Xây dựng Hòa Phát'],
  ['000.00.03.H41', 'Sở Kế hoạch và Đầu tư'],
  ['000.00.04.H41', 'Sở Tài chính'],
] as const;

export interface GeneratedShape {
  readonly documents: number;
  readonly year: number;
  readonly registerCode: string;
  readonly seconds: number;
  readonly tableRows: Readonly<Record<string, number>>;
}

/** The projection's DDL inside its `rm_<name>` schema, as the runner applies it; CREATE INDEX statements apart. */
async function createTables(client: PoolClient, projection: ProjectionDefinition): Promise<string[]> {
  const schema = `rm_${projection.name}`;
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}, public`);
  const indexes: string[] = [];
  for (const statement of projection.schema) {
    // Secondary indexes are built after the load (faster than maintaining them row by row); they are the projection's own.
    if (/^\s*CREATE\s+(UNIQUE\s+)?INDEX/i.test(statement)) indexes.push(statement);
    else await client.query(statement);
  }
  await client.query('SET search_path TO DEFAULT');
  return indexes;
}

async function createIndexes(client: PoolClient, projection: ProjectionDefinition, indexes: readonly string[]): Promise<void> {
  await client.query(`SET search_path TO rm_${projection.name}, public`);
  for (const statement of indexes) await client.query(statement);
  await client.query('SET search_path TO DEFAULT');
}

/**
 * Bulk-generates the incoming documents, inbox and deadlines read models for `documents` incoming documents with
 * `INSERT … SELECT generate_series`, in the projections' own tables and indexes, with rows shaped as their
 * handlers write them:
 * - 200 agencies of skewed size (agency a gets a share ∝ the density of 200·U^1.6: the largest ~3.6 %, like a
 *   provincial People's Committee, the median ~0.3 %); all registered documents are in one register-year (the
 *   current year, register DEN), which makes each register-year as large as it can get;
 * - statuses: 22 % RECEIVED awaiting registration, 6 % REJECTED, 2 % RECALLED, then with an arrival number (70 %):
 *   7 % REGISTERED, 3 % PRESENTED, 10 % ASSIGNED, 12 % IN_PROGRESS, 38 % COMPLETED; arrival numbers are
 *   consecutive per agency register in receipt order;
 * - urgency 80 % NORMAL, 12 % URGENT, 6 % VERY_URGENT, 2 % FLASH;
 * - open documents were received in the last 45 days (skewed recent), closed ones over the last year;
 * - ASSIGNED / IN_PROGRESS documents: a LEAD officer among 20 per agency (skewed: officer 0 leads ~37 % of the
 *   agency's open work), a COORDINATE unit (one of 5) on 30 % and an INFORMATION officer on 10 %; deadline 10
 *   days after assignment, so some are overdue;
 * - deadlines: REGISTRATION for RECEIVED, URGENCY for non-NORMAL documents not yet assigned, PROCESSING for
 *   assigned ones (with the lead);
 * - outgoing documents, one for four incoming ones (see generateOutgoing): `deadlines` reads their ISSUE obligations.
 */
export async function bulkGenerate(pool: Pool, documents: number, log: (line: string) => void): Promise<GeneratedShape> {
  const started = Date.now();
  const year = new Date().getUTCFullYear();
  const registerCode = DEFAULT_INCOMING_REGISTER_CODE;
  const client = await pool.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`SET work_mem = '128MB'`);
    const projections = [incomingDocumentsProjection, inboxProjection, deadlinesProjection, outgoingDocumentsProjection];
    const indexes = new Map<ProjectionDefinition, string[]>();
    for (const projection of projections) indexes.set(projection, await createTables(client, projection));

    log(`(f) generating ${documents.toLocaleString('en-US')} documents (staging table)`);
    await client.query('DROP SCHEMA IF EXISTS bench_gen CASCADE');
    await client.query('CREATE SCHEMA bench_gen');
    await client.query('SELECT setseed(0.42)');
    await client.query(
      `CREATE UNLOGGED TABLE bench_gen.docs AS
       WITH g AS (
         SELECT i, least(${AGENCIES - 1}, floor(${AGENCIES} * power(random(), 1.6)))::int AS a,
                random() AS rs, random() AS ru, random() AS rt, random() AS ro, random() AS rx, random() AS rk
           FROM generate_series(1, $1::int) AS i),
       s AS (
         SELECT g.*,
                CASE WHEN rs < 0.22 THEN 'RECEIVED' WHEN rs < 0.28 THEN 'REJECTED' WHEN rs < 0.30 THEN 'RECALLED'
                     WHEN rs < 0.37 THEN 'REGISTERED' WHEN rs < 0.40 THEN 'PRESENTED' WHEN rs < 0.50 THEN 'ASSIGNED'
                     WHEN rs < 0.62 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END AS status,
                CASE WHEN ru < 0.80 THEN 'NORMAL' WHEN ru < 0.92 THEN 'URGENT' WHEN ru < 0.98 THEN 'VERY_URGENT' ELSE 'FLASH' END AS urgency,
                least(${OFFICERS_PER_AGENCY - 1}, floor(${OFFICERS_PER_AGENCY} * power(ro, 3)))::int AS o,
                (i % ${KINDS.length}) + 1 AS k, (i % ${SENDERS.length}) + 1 AS sd
           FROM g),
       t AS (
         SELECT s.*, status NOT IN ('RECEIVED', 'REJECTED', 'RECALLED') AS registered,
                now() - CASE WHEN status IN ('RECEIVED', 'REGISTERED', 'PRESENTED', 'ASSIGNED', 'IN_PROGRESS')
                             THEN interval '45 days' * rt * rt ELSE interval '365 days' * rt END AS received_at
           FROM s)
       SELECT t.*, md5('bench-doc-' || i)::uuid::text AS document_id,
              '000.' || lpad((a / 100)::text, 2, '0') || '.' || lpad((a % 100)::text, 2, '0') || '.H41' AS agency_code,
              CASE WHEN registered THEN row_number() OVER (PARTITION BY a, registered ORDER BY received_at, i) END::int AS arrival_number,
              received_at + interval '1 day' AS assigned_at,
              received_at + interval '11 days' AS deadline
         FROM t`,
      [documents],
    );
    log(`(f) staging done after ${((Date.now() - started) / 1000).toFixed(1)} s; loading incoming_documents`);

    const kinds = {
      types: KINDS.map((k) => k[0]),
      notations: KINDS.map((k) => k[1]),
      foldedNotations: KINDS.map((k) => foldVietnamese(k[1])),
      subjects: KINDS.map((k) => k[2]),
      foldedSubjects: KINDS.map((k) => foldVietnamese(k[2])),
      senderCodes: SENDERS.map((s) => s[0]),
      senderNames: SENDERS.map((s) => s[1]),
    };
    // Columns the projection fills from IncomingDocumentReceived and the later events of each status.
    await client.query(
      `INSERT INTO rm_incoming_documents.incoming_documents (
         document_id, agency_code, channel, sender_agency_code, sender_name, code_number, code_notation, issued_date,
         document_type, subject, signer_full_name, signer_position, urgency, confidentiality, due_date, attachments,
         received_at, effective_received_at, registration_due_at, urgency_due_at, received_by, status,
         register_code, year, arrival_number, arrival_date, registered_at, registered_late, registered_by, identity_key,
         rejection_reason, rejected_at, rejected_by, presented_to, presented_at, presented_by,
         assignments, assigned_at, lead_username, lead_unit_id, lead_full_name, lead_deadline, deadline, original_deadline,
         processing_started_at, processing_started_by, completion_result, completed_at, completed_late, completed_by,
         recalled_at, recalled_by, search_text, revision, updated_at)
       SELECT d.document_id, d.agency_code, CASE WHEN d.i % 3 = 0 THEN 'PAPER' ELSE 'INTERCONNECT' END,
              ($6::text[])[d.sd], ($7::text[])[d.sd], ((d.i % 900) + 1)::text, ($2::text[])[d.k],
              (d.received_at - interval '2 days')::date, ($1::text[])[d.k],
              ($4::text[])[d.k] || ' (số ' || d.i || ')', 'Nguyễn Văn An', 'Phó Giám đốc', d.urgency, 'NONE',
              CASE WHEN d.i % 4 = 0 THEN (d.received_at + interval '10 days')::date END,
              jsonb_build_array(jsonb_build_object('fileName', 'cv-' || d.i || '.pdf', 'mediaType', 'application/pdf',
                'sizeBytes', 180000 + (d.i % 97) * 1024, 'sha256', md5(d.i::text) || md5(d.i::text))),
              d.received_at, d.received_at, d.received_at + interval '1 day',
              CASE WHEN d.urgency <> 'NORMAL' THEN d.received_at + interval '2 hours' END,
              jsonb_build_object('username', 'vanthu.a' || d.a, 'fullName', 'Trần Thị Thư'), d.status,
              CASE WHEN d.registered THEN $9::text END, CASE WHEN d.registered THEN $8::int END, d.arrival_number,
              CASE WHEN d.registered THEN (d.received_at + interval '20 minutes')::date END,
              CASE WHEN d.registered THEN d.received_at + interval '20 minutes' END,
              CASE WHEN d.registered THEN false END,
              CASE WHEN d.registered THEN jsonb_build_object('username', 'vanthu.a' || d.a, 'fullName', 'Trần Thị Thư') END,
              CASE WHEN d.registered THEN md5('identity-' || d.i) END,
              CASE WHEN d.status = 'REJECTED' THEN 'WRONG_RECIPIENT' END,
              CASE WHEN d.status = 'REJECTED' THEN d.received_at + interval '1 hour' END,
              CASE WHEN d.status = 'REJECTED' THEN jsonb_build_object('username', 'vanthu.a' || d.a, 'fullName', 'Trần Thị Thư') END,
              CASE WHEN d.status IN ('PRESENTED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED')
                   THEN jsonb_build_object('username', 'lanhdao.a' || d.a, 'fullName', 'Lê Văn Đạo') END,
              CASE WHEN d.status IN ('PRESENTED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN d.received_at + interval '1 hour' END,
              CASE WHEN d.status IN ('PRESENTED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED')
                   THEN jsonb_build_object('username', 'vanthu.a' || d.a, 'fullName', 'Trần Thị Thư') END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN jsonb_build_object(
                'assignees', jsonb_build_array(jsonb_build_object('role', 'LEAD', 'username', 'cv' || d.o || '.a' || d.a,
                  'unitId', NULL, 'unitIdOfUser', 'a' || d.a || '-u' || (d.o % ${UNITS_PER_AGENCY}), 'fullName', 'Chuyên viên ' || d.o,
                  'deadline', to_char(d.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+07:00"'))),
                'instruction', 'Đề nghị tham mưu xử lý', 'deadline', to_char(d.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+07:00"'),
                'assignedAt', to_char(d.assigned_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+07:00"'),
                'assignedBy', jsonb_build_object('username', 'lanhdao.a' || d.a, 'fullName', 'Lê Văn Đạo'), 'routedByClerk', false) END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN d.assigned_at END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN 'cv' || d.o || '.a' || d.a END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN 'a' || d.a || '-u' || (d.o % ${UNITS_PER_AGENCY}) END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN 'Chuyên viên ' || d.o END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN d.deadline END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN d.deadline END,
              CASE WHEN d.status IN ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') THEN d.deadline END,
              CASE WHEN d.status IN ('IN_PROGRESS', 'COMPLETED') THEN d.assigned_at + interval '2 hours' END,
              CASE WHEN d.status IN ('IN_PROGRESS', 'COMPLETED') THEN jsonb_build_object('username', 'cv' || d.o || '.a' || d.a, 'fullName', 'Chuyên viên ' || d.o) END,
              CASE WHEN d.status = 'COMPLETED' THEN 'Đã xử lý, báo cáo lãnh đạo' END,
              CASE WHEN d.status = 'COMPLETED' THEN d.assigned_at + interval '5 days' END,
              CASE WHEN d.status = 'COMPLETED' THEN false END,
              CASE WHEN d.status = 'COMPLETED' THEN jsonb_build_object('username', 'cv' || d.o || '.a' || d.a, 'fullName', 'Chuyên viên ' || d.o) END,
              CASE WHEN d.status = 'RECALLED' THEN d.received_at + interval '3 hours' END,
              CASE WHEN d.status = 'RECALLED' THEN jsonb_build_object('username', 'vanthu.a' || d.a, 'fullName', 'Trần Thị Thư') END,
              ($5::text[])[d.k] || ' (so ' || d.i || ') ' || ((d.i % 900) + 1) || '/' || ($3::text[])[d.k],
              CASE d.status WHEN 'RECEIVED' THEN 1 WHEN 'REJECTED' THEN 1 WHEN 'RECALLED' THEN 1 WHEN 'REGISTERED' THEN 2
                            WHEN 'PRESENTED' THEN 3 WHEN 'ASSIGNED' THEN 4 WHEN 'IN_PROGRESS' THEN 5 ELSE 7 END,
              d.received_at + interval '1 day'
         FROM bench_gen.docs d`,
      [kinds.types, kinds.notations, kinds.foldedNotations, kinds.subjects, kinds.foldedSubjects, kinds.senderCodes, kinds.senderNames, year, registerCode],
    );
    log(`(f) incoming_documents loaded after ${((Date.now() - started) / 1000).toFixed(1)} s; summaries, inbox and deadlines`);

    // The inbox's and the deadlines' own summaries of every document (their idempotency gate).
    for (const schema of ['rm_inbox', 'rm_deadlines']) {
      await client.query(
        `INSERT INTO ${schema}.documents (document_id, agency_code, subject, code_number, code_notation, sender_name, urgency, status,
                                          register_code, year, arrival_number, revision)
         SELECT document_id, agency_code, subject, code_number, code_notation, sender_name, urgency, status,
                register_code, year, arrival_number, revision
           FROM rm_incoming_documents.incoming_documents`,
      );
    }

    const summary = `d.subject, d.code_number, d.code_notation, d.sender_name, d.register_code, d.year, d.arrival_number, d.status`;
    const open = `d.status IN ('ASSIGNED', 'IN_PROGRESS')`;
    const fromDocs = `FROM bench_gen.docs g JOIN rm_incoming_documents.incoming_documents d USING (document_id)`;
    const assignedBy = `jsonb_build_object('username', 'lanhdao.a' || g.a, 'fullName', 'Lê Văn Đạo')`;
    const rank = `CASE d.urgency WHEN 'FLASH' THEN 0 WHEN 'VERY_URGENT' THEN 1 WHEN 'URGENT' THEN 2 ELSE 3 END`;
    await client.query(
      `INSERT INTO rm_inbox.inbox_items (document_id, agency_code, username, unit_id, member_of_unit_id, full_name, role, instruction,
                                         deadline, assigned_at, assigned_by, urgency, urgency_rank,
                                         subject, code_number, code_notation, sender_name, register_code, year, arrival_number, status)
       SELECT d.document_id, d.agency_code, 'cv' || g.o || '.a' || g.a, NULL, 'a' || g.a || '-u' || (g.o % ${UNITS_PER_AGENCY}),
              'Chuyên viên ' || g.o, 'LEAD', 'Đề nghị tham mưu xử lý', g.deadline, g.assigned_at, ${assignedBy}, d.urgency, ${rank}, ${summary}
         ${fromDocs} WHERE ${open}
       UNION ALL
       SELECT d.document_id, d.agency_code, NULL, 'a' || g.a || '-u' || floor(g.rk * ${UNITS_PER_AGENCY})::int, NULL,
              'Phòng ' || floor(g.rk * ${UNITS_PER_AGENCY})::int, 'COORDINATE', 'Phối hợp', g.deadline, g.assigned_at, ${assignedBy},
              d.urgency, ${rank}, ${summary}
         ${fromDocs} WHERE ${open} AND g.rx < 0.3
       UNION ALL
       SELECT d.document_id, d.agency_code, 'cv' || ((g.o + 7) % ${OFFICERS_PER_AGENCY}) || '.a' || g.a, NULL,
              'a' || g.a || '-u' || (((g.o + 7) % ${OFFICERS_PER_AGENCY}) % ${UNITS_PER_AGENCY}), 'Chuyên viên ' || ((g.o + 7) % ${OFFICERS_PER_AGENCY}),
              'INFORMATION', 'Để biết', g.deadline, g.assigned_at, ${assignedBy}, d.urgency, ${rank}, ${summary}
         ${fromDocs} WHERE ${open} AND g.rx > 0.9`,
    );
    await client.query(
      `INSERT INTO rm_deadlines.deadlines (document_id, kind, agency_code, due_at, lead_username, lead_unit_id, lead_full_name,
                                           document_deadline, urgency, subject, code_number, code_notation, sender_name,
                                           register_code, year, arrival_number, status)
       SELECT d.document_id, 'REGISTRATION', d.agency_code, d.registration_due_at, NULL, NULL, NULL, NULL::timestamptz, d.urgency, ${summary}
         ${fromDocs} WHERE d.status = 'RECEIVED'
       UNION ALL
       SELECT d.document_id, 'URGENCY', d.agency_code, d.urgency_due_at,
              CASE WHEN d.status = 'PRESENTED' THEN 'lanhdao.a' || g.a END, NULL,
              CASE WHEN d.status = 'PRESENTED' THEN 'Lê Văn Đạo' END, NULL::timestamptz, d.urgency, ${summary}
         ${fromDocs} WHERE d.status IN ('RECEIVED', 'REGISTERED', 'PRESENTED') AND d.urgency <> 'NORMAL'
       UNION ALL
       SELECT d.document_id, 'PROCESSING', d.agency_code, d.lead_deadline, d.lead_username, d.lead_unit_id, d.lead_full_name,
              d.deadline, d.urgency, ${summary}
         ${fromDocs} WHERE ${open}`,
    );
    await client.query('DROP SCHEMA bench_gen CASCADE');
    await generateOutgoing(client, documents, year);
    log(`(f) rows loaded after ${((Date.now() - started) / 1000).toFixed(1)} s; building the projections' indexes`);
    for (const projection of projections) await createIndexes(client, projection, indexes.get(projection) ?? []);
    log(`(f) indexes built after ${((Date.now() - started) / 1000).toFixed(1)} s; VACUUM ANALYZE`);
    for (const table of [
      'rm_incoming_documents.incoming_documents',
      'rm_inbox.documents',
      'rm_inbox.inbox_items',
      'rm_deadlines.documents',
      'rm_deadlines.deadlines',
      'rm_outgoing_documents.outgoing_documents',
    ]) {
      await client.query(`VACUUM (ANALYZE) ${table}`);
    }
    const { rows } = await client.query<{ name: string; n: number }>(
      `SELECT 'incoming_documents' AS name, count(*)::int AS n FROM rm_incoming_documents.incoming_documents
       UNION ALL SELECT 'inbox_items', count(*)::int FROM rm_inbox.inbox_items
       UNION ALL SELECT 'deadlines', count(*)::int FROM rm_deadlines.deadlines
       UNION ALL SELECT 'outgoing_documents', count(*)::int FROM rm_outgoing_documents.outgoing_documents`,
    );
    return {
      documents,
      year,
      registerCode,
      seconds: (Date.now() - started) / 1000,
      tableRows: Object.fromEntries(rows.map((row) => [row.name, row.n])),
    };
  } finally {
    client.release();
  }
}
