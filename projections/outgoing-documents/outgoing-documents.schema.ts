/**
 * rm_outgoing_documents.outgoing_documents: one row per outgoing document (văn bản đi), everything its detail page
 * and the outgoing register (sổ đăng ký văn bản đi, Phụ lục IV, 10 columns) show:
 *
 *   (1) Số, ký hiệu            code_number, code_notation      (6) Đơn vị, người nhận bản lưu  unit_id, drafter
 *   (2) Ngày tháng             issued_date                     (7) Số lượng bản                recipients (one copy each)
 *   (3) Tên loại và trích yếu  document_type_name, subject     (8) Ngày chuyển                 issued_at
 *   (4) Người ký               signer                          (9) Ký nhận                     the deliveries read model
 *   (5) Nơi nhận               recipients                      (10) Ghi chú                    recall, late issue, paper copy
 *
 * Person references are `{ username, fullName }` jsonb; the jsonb lists keep the events' camelCase shapes.
 */
export const OUTGOING_DOCUMENTS_SCHEMA: readonly string[] = [
  // Extensions live in public: an opclass in rm_* would vanish when a rebuild drops the old schema.
  'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public',
  `CREATE TABLE IF NOT EXISTS outgoing_documents (
     document_id text PRIMARY KEY,
     agency_code text NOT NULL,
     unit_id text NOT NULL,
     drafter jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     status text NOT NULL,
     version integer NOT NULL,
     document_type text NOT NULL,
     document_type_name text NOT NULL,
     subject text NOT NULL,
     urgency text NOT NULL,
     confidentiality text NOT NULL,
     recipients jsonb NOT NULL,
     attachments jsonb NOT NULL,
     reply_to_document_ids text[] NOT NULL,
     paper_copy boolean NOT NULL,
     due_date date,
     revised_at timestamptz,
     revised_by jsonb,
     approver jsonb,
     submitted_at timestamptz,
     submitted_by jsonb,
     returns jsonb NOT NULL DEFAULT '[]',
     approved_at timestamptz,
     approved_by jsonb,
     signer jsonb,
     signed_at timestamptz,
     signature jsonb,
     issue_due_at timestamptz,
     register_code text,
     year integer,
     number integer,
     code_number text,
     code_notation text,
     issued_date date,
     identifier text,
     numbered_at timestamptz,
     numbered_by jsonb,
     agency_signed_at timestamptz,
     agency_signature jsonb,
     agency_name text,
     issued_at timestamptz,
     issued_by jsonb,
     issued_late boolean,
     recall_reason text,
     recalled_at timestamptz,
     recalled_by jsonb,
     search_text text NOT NULL,
     revision bigint NOT NULL,
     updated_at timestamptz NOT NULL)`,
  // The register page: numbered documents by number (the keyset of outgoingRegister).
  `CREATE INDEX IF NOT EXISTS outgoing_documents_register
     ON outgoing_documents (agency_code, year, register_code, number, document_id) WHERE number IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS outgoing_documents_register_status
     ON outgoing_documents (agency_code, year, register_code, status, number, document_id) WHERE number IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS outgoing_documents_register_urgency
     ON outgoing_documents (agency_code, year, register_code, urgency, number, document_id) WHERE number IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS outgoing_documents_register_issued_date
     ON outgoing_documents (agency_code, year, register_code, issued_date) WHERE number IS NOT NULL`,
  // `deadlines`: signed documents awaiting issue by due instant (the statuses are the api's AWAITING_ISSUE).
  `CREATE INDEX IF NOT EXISTS outgoing_documents_awaiting_issue
     ON outgoing_documents (agency_code, issue_due_at, document_id) WHERE status IN ('SIGNED', 'NUMBERED', 'SEALED')`,
  // `search_text LIKE '%…%'` (the folded query text), with or without diacritics.
  `CREATE INDEX IF NOT EXISTS outgoing_documents_search_text
     ON outgoing_documents USING gin (search_text public.gin_trgm_ops)`,
];
