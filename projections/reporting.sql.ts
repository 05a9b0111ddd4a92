/**
 * The stable interface for reporting jobs: views in schema `reporting` over the read models. Jobs read
 * these, never `rm_*` tables, whose layout may change with a projection version. Columns are only ever
 * added at the end of a view (CREATE OR REPLACE VIEW refuses anything else), never renamed or removed.
 *
 * Run every statement, in order, after the projections' DDL (the `rm_*` schemas must exist) and again after
 * each rebuild switch-over: the switch-over drops the old `rm_<name>` schema with CASCADE, which drops the
 * views over it. The statements are idempotent.
 *
 * Times are timestamptz; people are flattened to their username (full names are in the directory).
 */
export const REPORTING_SCHEMA = 'reporting';

export const reportingViews: string[] = [
  `CREATE SCHEMA IF NOT EXISTS ${REPORTING_SCHEMA}`,

  // Registers per agency and year; `opened_by_hand` is false for a default register created by its first number.
  `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.registers AS
   SELECT agency_code, year, register_code, kind, name, document_types, last_number,
          opened_at IS NOT NULL AS opened_by_hand, opened_at, last_allocated_at
   FROM rm_registers.registers`,

  // One row per incoming document.
  `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.incoming_documents AS
   SELECT document_id, agency_code, status, channel, sender_agency_code, sender_name, code_number, code_notation,
          issued_date, document_type, subject, signer_full_name, signer_position, urgency, confidentiality, due_date,
          jsonb_array_length(attachments) AS attachment_count,
          received_at, effective_received_at, registration_due_at, urgency_due_at,
          source_outgoing_document_id, source_agency_code, received_by ->> 'username' AS received_by,
          register_code, year, arrival_number, arrival_date, registered_at, registered_late,
          registered_by ->> 'username' AS registered_by, paper_copy_of,
          rejection_reason, rejection_note, rejected_at,
          presented_to ->> 'username' AS presented_to, presented_at,
          assigned_at, assignments -> 'assignedBy' ->> 'username' AS assigned_by,
          (assignments ->> 'routedByClerk')::boolean AS routed_by_clerk, assignments ->> 'instruction' AS instruction,
          lead_username, lead_unit_id, lead_full_name, lead_deadline, deadline, original_deadline,
          jsonb_array_length(extensions) AS extension_count, jsonb_array_length(forwarding) AS forward_count,
          processing_started_at, completed_at, completed_late, completion_result, reply_document_id,
          recall_reason, recall_requested_at, recalled_at, updated_at
   FROM rm_incoming_documents.incoming_documents`,

  // The leader's directive, one row per assignee (LEAD, COORDINATE, INFORMATION).
  `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.incoming_assignees AS
   SELECT d.document_id, d.agency_code, a.role, a.username, a."unitId" AS unit_id, a."unitIdOfUser" AS unit_id_of_user,
          a."fullName" AS full_name, a.deadline, d.assigned_at
   FROM rm_incoming_documents.incoming_documents d,
        jsonb_to_recordset(d.assignments -> 'assignees')
          AS a(role text, username text, "unitId" text, "unitIdOfUser" text, "fullName" text, deadline timestamptz)
   WHERE d.assignments IS NOT NULL`,

  // Every forward of the lead (chuyển xử lý), in hop order per document.
  `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.incoming_forwards AS
   SELECT d.document_id, d.agency_code, h.hop,
          h."from" ->> 'username' AS from_username, h."from" ->> 'unitId' AS from_unit_id,
          h."from" ->> 'fullName' AS from_full_name,
          h."to" ->> 'username' AS to_username, h."to" ->> 'unitId' AS to_unit_id,
          COALESCE(h."to" ->> 'unitId', h."to" ->> 'unitIdOfUser') AS to_responsible_unit_id,
          h."to" ->> 'fullName' AS to_full_name,
          h.instruction, h.deadline, h.by ->> 'username' AS forwarded_by, h.at AS forwarded_at
   FROM rm_incoming_documents.incoming_documents d,
        jsonb_to_recordset(d.forwarding)
          AS h(hop integer, "from" jsonb, "to" jsonb, instruction text, deadline timestamptz, by jsonb, at timestamptz)`,

  // Every deadline extension (gia hạn).
  `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.incoming_deadline_extensions AS
   SELECT d.document_id, d.agency_code, x."previousDeadline" AS previous_deadline, x.deadline,
          x."leadDeadline" AS lead_deadline, x.reason, x."extendedAt" AS extended_at,
          x."extendedBy" ->> 'username' AS extended_by
   FROM rm_incoming_documents.incoming_documents d,
        jsonb_to_recordset(d.extensions)
          AS x("previousDeadline" timestamptz, deadline timestamptz, "leadDeadline" timestamptz, reason text,
               "extendedAt" timestamptz, "extendedBy" jsonb)`,

  // Open work per assignee (what the inboxes show).
  `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.open_assignments AS
   SELECT document_id, agency_code, username, unit_id, member_of_unit_id, full_name, role, deadline, assigned_at,
          assigned_by ->> 'username' AS assigned_by, urgency, status, register_code, year, arrival_number
   FROM rm_inbox.inbox_items`,

  // Open obligations with their due instant (REGISTRATION, URGENCY, PROCESSING).
  `CREATE OR REPLACE VIEW ${REPORTING_SCHEMA}.open_deadlines AS
   SELECT document_id, agency_code, kind, due_at, lead_username, lead_unit_id, lead_full_name, document_deadline,
          urgency, status, register_code, year, arrival_number
   FROM rm_deadlines.deadlines`,
];
