import type { PoolClient } from 'pg';
import { AGENCIES, UNITS_PER_AGENCY } from './province-shape';

/** One outgoing document for this many incoming ones: an agency answers or issues about a quarter as much as it receives. */
const INCOMING_PER_OUTGOING = 4;

/**
 * Bulk-generates rm_outgoing_documents.outgoing_documents (the tables must exist) for the same 200 agencies and skew as the
 * incoming documents, with rows shaped as the projection writes them: 80 % ISSUED, 3 % RECALLED, 5 % DRAFT, 2 % SUBMITTED,
 * 2 % APPROVED and 8 % signed but not issued yet (SIGNED, NUMBERED, SEALED: the ISSUE rows of `deadlines`), signed in the
 * last 3 days (skewed recent) and due 20 hours after signing, so some are overdue. Numbered documents are numbered
 * consecutively per agency in the current year's register DI.
 */
export async function generateOutgoing(client: PoolClient, incomingDocuments: number, year: number): Promise<void> {
  const documents = Math.ceil(incomingDocuments / INCOMING_PER_OUTGOING);
  const person = (prefix: string, name: string) => `jsonb_build_object('username', '${prefix}.a' || g.a, 'fullName', '${name}')`;
  const signed = `g.status IN ('SIGNED', 'NUMBERED', 'SEALED', 'ISSUED', 'RECALLED')`;
  const numbered = `g.status IN ('NUMBERED', 'SEALED', 'ISSUED', 'RECALLED')`;
  await client.query(
    `INSERT INTO rm_outgoing_documents.outgoing_documents (
       document_id, agency_code, unit_id, drafter, created_at, status, version, document_type, document_type_name, subject,
       urgency, confidentiality, recipients, attachments, reply_to_document_ids, paper_copy, signer, signed_at, issue_due_at,
       register_code, year, number, code_number, code_notation, issued_date, issued_at, search_text, revision, updated_at)
     WITH s AS (
       SELECT i, least(${AGENCIES - 1}, floor(${AGENCIES} * power(random(), 1.6)))::int AS a, random() AS rs, random() AS rt,
              CASE WHEN random() < 0.9 THEN 'NORMAL' ELSE 'URGENT' END AS urgency
         FROM generate_series(1, $1::int) AS i),
     t AS (
       SELECT s.*,
              CASE WHEN rs < 0.80 THEN 'ISSUED' WHEN rs < 0.83 THEN 'RECALLED' WHEN rs < 0.88 THEN 'DRAFT' WHEN rs < 0.90 THEN 'SUBMITTED'
                   WHEN rs < 0.92 THEN 'APPROVED' WHEN rs < 0.95 THEN 'SIGNED' WHEN rs < 0.98 THEN 'NUMBERED' ELSE 'SEALED' END AS status
         FROM s),
     g AS (
       SELECT t.*, now() - CASE WHEN status IN ('SIGNED', 'NUMBERED', 'SEALED') THEN interval '3 days' * rt * rt
                                ELSE interval '365 days' * rt END AS signed_at
         FROM t)
     SELECT md5('bench-out-' || g.i)::uuid::text, '000.' || lpad((g.a / 100)::text, 2, '0') || '.' || lpad((g.a % 100)::text, 2, '0') || '.H41',
            'a' || g.a || '-u' || (g.i % ${UNITS_PER_AGENCY}), ${person('cv0', 'Chuyên viên 0')}, g.signed_at - interval '2 days', g.status, 1,
            'CV', 'Công văn', 'Về việc báo cáo tình hình thực hiện nhiệm vụ (số ' || g.i || ')', g.urgency, 'NONE',
            jsonb_build_array(jsonb_build_object('agencyCode', NULL, 'name', 'Công ty TNHH Minh An')), '[]'::jsonb, '{}'::text[], true,
            CASE WHEN ${signed} THEN ${person('lanhdao', 'Lê Văn Đạo')} END, CASE WHEN ${signed} THEN g.signed_at END,
            CASE WHEN ${signed} THEN g.signed_at + interval '20 hours' END,
            CASE WHEN ${numbered} THEN 'DI' END, CASE WHEN ${numbered} THEN $2::int END,
            CASE WHEN ${numbered} THEN row_number() OVER (PARTITION BY g.a, ${numbered} ORDER BY g.signed_at, g.i) END,
            CASE WHEN ${numbered} THEN lpad((row_number() OVER (PARTITION BY g.a, ${numbered} ORDER BY g.signed_at, g.i))::text, 2, '0') END,
            CASE WHEN ${numbered} THEN 'UBND-VP' END, CASE WHEN ${numbered} THEN g.signed_at::date END,
            CASE WHEN g.status IN ('ISSUED', 'RECALLED') THEN g.signed_at + interval '2 hours' END,
            've viec bao cao tinh hinh thuc hien nhiem vu (so ' || g.i || ')', 1, g.signed_at
       FROM g`,
    [documents, year],
  );
}
