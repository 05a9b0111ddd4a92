/**
 * rm_incoming_documents.incoming_documents: one row per incoming document, everything its detail page and
 * the incoming register show. Person references (`*_by`, `presented_to`) are `{ username, fullName }` jsonb;
 * the jsonb lists keep the events' camelCase shapes.
 */
export const INCOMING_DOCUMENTS_SCHEMA: readonly string[] = [
  // Extensions live in public: an opclass in rm_* would vanish when a rebuild drops the old schema.
  'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public',
  `CREATE TABLE IF NOT EXISTS incoming_documents (
     document_id text PRIMARY KEY,
     agency_code text NOT NULL,
     channel text NOT NULL,
     sender_agency_code text,
     sender_name text NOT NULL,
     code_number text NOT NULL,
     code_notation text NOT NULL,
     issued_date date NOT NULL,
     document_type text NOT NULL,
     subject text NOT NULL,
     signer_full_name text NOT NULL,
     signer_position text NOT NULL,
     urgency text NOT NULL,
     confidentiality text NOT NULL,
     due_date date,
     attachments jsonb NOT NULL,
     received_at timestamptz NOT NULL,
     effective_received_at timestamptz NOT NULL,
     registration_due_at timestamptz NOT NULL,
     urgency_due_at timestamptz,
     source_outgoing_document_id text,
     source_agency_code text,
     received_by jsonb NOT NULL,
     status text NOT NULL,
     register_code text,
     year integer,
     arrival_number integer,
     arrival_date date,
     registered_at timestamptz,
     registered_late boolean,
     registered_by jsonb,
     identity_key text,
     paper_copy_of text,
     paper_copy_linked_at timestamptz,
     paper_copy_linked_by jsonb,
     rejection_reason text,
     rejection_note text,
     rejected_at timestamptz,
     rejected_by jsonb,
     presented_to jsonb,
     presented_at timestamptz,
     presented_by jsonb,
     assignments jsonb,
     assigned_at timestamptz,
     forwarding jsonb NOT NULL DEFAULT '[]',
     lead_username text,
     lead_unit_id text,
     lead_full_name text,
     lead_deadline timestamptz,
     deadline timestamptz,
     original_deadline timestamptz,
     extensions jsonb NOT NULL DEFAULT '[]',
     processing_started_at timestamptz,
     processing_started_by jsonb,
     progress_notes jsonb NOT NULL DEFAULT '[]',
     completion_result text,
     reply_document_id text,
     completed_at timestamptz,
     completed_late boolean,
     completed_by jsonb,
     recall_reason text,
     recall_requested_at timestamptz,
     recall_requested_by jsonb,
     recalled_at timestamptz,
     recalled_by jsonb,
     recall_refusal_reason text,
     recall_refused_at timestamptz,
     recall_refused_by jsonb,
     -- Subject and number/notation folded to lower-case ASCII (foldVietnamese), matched with LIKE '%…%'
     -- within one register-year; no trigram index: it cost more at every receipt than it saves there.
     search_text text NOT NULL,
     revision bigint NOT NULL,
     updated_at timestamptz NOT NULL)`,
  // The register page: ordered by arrival number (document_id breaks the tie of a paper copy and its original).
  // Its filters (status, urgency, dates, text) are checked on the entries of this one register-year, which
  // stays a bounded scan of this index alone, since it includes the filtered columns; an index per filter
  // would be rewritten by every event of every document.
  `CREATE INDEX IF NOT EXISTS incoming_documents_register
     ON incoming_documents (agency_code, year, register_code, arrival_number, document_id)
     INCLUDE (status, urgency, arrival_date, search_text)`,
  `CREATE INDEX IF NOT EXISTS incoming_documents_paper_copy_of
     ON incoming_documents (paper_copy_of) WHERE paper_copy_of IS NOT NULL`,
];
