import type { IncomingDocumentEvent } from '@app/domain';
import { INCOMING_DOCUMENT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';
import { leadAssignee, leadColumns } from '../shared/lead';
import type { ColumnTypes } from '../shared/recordset';
import { columnNames, recordsetColumns, recordsetParam } from '../shared/recordset';
import type { Projected, TypeHandlers } from '../shared/stream-rounds';
import { applyByType, streamRounds } from '../shared/stream-rounds';
import { revisionedUpdate } from '../shared/revisioned-update';
import { incomingSearchText } from './fold-vietnamese';
import { INCOMING_DOCUMENTS_SCHEMA } from './incoming-documents.schema';

type Of<K extends IncomingDocumentEvent['type']> = Projected<Extract<IncomingDocumentEvent, { type: K }>>;

/**
 * The incoming documents read model: the incoming register (`incomingRegister`), the detail page
 * (`incomingDocument`) and the diacritics-insensitive text search. Every row carries the revision of the
 * document stream it reflects; an event applies only to a row that is behind it, so replays change nothing.
 */
export const incomingDocumentsProjection: ProjectionDefinition = {
  name: 'incoming_documents',
  eventTypes: INCOMING_DOCUMENT_EVENT_TYPES,
  schema: INCOMING_DOCUMENTS_SCHEMA,
  handle: (event, tx) => applyIncomingDocumentEvents([event], tx),
  handleBatch: applyIncomingDocumentEvents,
};

async function applyIncomingDocumentEvents(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  for (const round of streamRounds(events)) await applyByType(round, handlers, tx);
}

const RECEIVED_COLUMNS: ColumnTypes = {
  document_id: 'text',
  agency_code: 'text',
  channel: 'text',
  sender_agency_code: 'text',
  sender_name: 'text',
  code_number: 'text',
  code_notation: 'text',
  issued_date: 'date',
  document_type: 'text',
  subject: 'text',
  signer_full_name: 'text',
  signer_position: 'text',
  urgency: 'text',
  confidentiality: 'text',
  due_date: 'date',
  attachments: 'jsonb',
  received_at: 'timestamptz',
  effective_received_at: 'timestamptz',
  registration_due_at: 'timestamptz',
  urgency_due_at: 'timestamptz',
  source_outgoing_document_id: 'text',
  source_agency_code: 'text',
  received_by: 'jsonb',
  status: 'text',
  search_text: 'text',
  revision: 'bigint',
  updated_at: 'timestamptz',
};

async function insertReceived(events: readonly Of<'IncomingDocumentReceived'>[], tx: ProjectionTx): Promise<void> {
  const rows = events.map(({ data: d, revision, recordedAt }) => ({
    document_id: d.documentId,
    agency_code: d.agencyCode,
    channel: d.channel,
    sender_agency_code: d.sender.agencyCode,
    sender_name: d.sender.name,
    code_number: d.codeNumber,
    code_notation: d.codeNotation,
    issued_date: d.issuedDate,
    document_type: d.documentType,
    subject: d.subject,
    signer_full_name: d.signer.fullName,
    signer_position: d.signer.position,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    due_date: d.dueDate,
    attachments: d.attachments,
    received_at: d.receivedAt,
    effective_received_at: d.effectiveReceivedAt,
    registration_due_at: d.registrationDueAt,
    urgency_due_at: d.urgencyDueAt,
    source_outgoing_document_id: d.source?.outgoingDocumentId ?? null,
    source_agency_code: d.source?.agencyCode ?? null,
    received_by: d.receivedBy,
    status: 'RECEIVED',
    search_text: incomingSearchText(d.subject, d.codeNumber, d.codeNotation),
    revision,
    updated_at: recordedAt,
  }));
  await tx.query(
    `INSERT INTO incoming_documents (${columnNames(RECEIVED_COLUMNS)})
     SELECT ${columnNames(RECEIVED_COLUMNS, 'e')} FROM jsonb_to_recordset($1::jsonb) AS e(${recordsetColumns(RECEIVED_COLUMNS)})
     ON CONFLICT (document_id) DO NOTHING`,
    [recordsetParam(rows)],
  );
}

/** An update of the document's row by a set of events (see revisionedUpdate: only rows behind the event change). */
function update<K extends IncomingDocumentEvent['type']>(spec: {
  readonly columns: ColumnTypes;
  readonly row: (event: Of<K>) => object;
  readonly set?: string;
}): (events: readonly Of<K>[], tx: ProjectionTx) => Promise<void> {
  return revisionedUpdate<Extract<IncomingDocumentEvent, { type: K }>>({
    table: 'incoming_documents',
    key: { document_id: 'text' },
    keyOf: (event) => ({ document_id: event.data.documentId }),
    ...spec,
  });
}

const LEAD_COLUMNS: ColumnTypes = { lead_username: 'text', lead_unit_id: 'text', lead_full_name: 'text', lead_deadline: 'timestamptz' };

const handlers: TypeHandlers<IncomingDocumentEvent> = {
  IncomingDocumentReceived: insertReceived,
  IncomingDocumentRegistered: update({
    columns: {
      status: 'text',
      register_code: 'text',
      year: 'integer',
      arrival_number: 'integer',
      arrival_date: 'date',
      registered_at: 'timestamptz',
      registered_late: 'boolean',
      registered_by: 'jsonb',
      identity_key: 'text',
    },
    row: ({ data: d }) => ({
      status: 'REGISTERED',
      register_code: d.registerCode,
      year: d.year,
      arrival_number: d.arrivalNumber,
      arrival_date: d.arrivalDate,
      registered_at: d.registeredAt,
      registered_late: d.registeredLate,
      registered_by: d.registeredBy,
      identity_key: d.identityKey,
    }),
  }),
  // The copy is registered under its original's number (no number of its own, no arrival date).
  IncomingPaperCopyLinked: update({
    columns: {
      status: 'text',
      paper_copy_of: 'text',
      register_code: 'text',
      year: 'integer',
      arrival_number: 'integer',
      paper_copy_linked_at: 'timestamptz',
      paper_copy_linked_by: 'jsonb',
    },
    row: ({ data: d }) => ({
      status: 'REGISTERED',
      paper_copy_of: d.originalDocumentId,
      register_code: d.registerCode,
      year: d.year,
      arrival_number: d.originalArrivalNumber,
      paper_copy_linked_at: d.linkedAt,
      paper_copy_linked_by: d.linkedBy,
    }),
  }),
  IncomingDocumentRejected: update({
    columns: { status: 'text', rejection_reason: 'text', rejection_note: 'text', rejected_at: 'timestamptz', rejected_by: 'jsonb' },
    row: ({ data: d }) => ({
      status: 'REJECTED',
      rejection_reason: d.reason,
      rejection_note: d.note,
      rejected_at: d.rejectedAt,
      rejected_by: d.rejectedBy,
    }),
  }),
  IncomingDocumentPresented: update({
    columns: { status: 'text', presented_to: 'jsonb', presented_at: 'timestamptz', presented_by: 'jsonb' },
    row: ({ data: d }) => ({ status: 'PRESENTED', presented_to: d.leader, presented_at: d.presentedAt, presented_by: d.presentedBy }),
  }),
  // original_deadline is the first assignment's deadline; an extension restates it.
  IncomingDocumentAssigned: update({
    columns: { status: 'text', assignments: 'jsonb', assigned_at: 'timestamptz', deadline: 'timestamptz', ...LEAD_COLUMNS },
    set: `status = e.status, assignments = e.assignments, assigned_at = e.assigned_at, deadline = e.deadline,
          original_deadline = COALESCE(d.original_deadline, e.deadline), lead_username = e.lead_username,
          lead_unit_id = e.lead_unit_id, lead_full_name = e.lead_full_name, lead_deadline = e.lead_deadline`,
    row: ({ data: d }) => {
      const lead = leadAssignee(d.assignees);
      return {
        status: 'ASSIGNED',
        assignments: {
          assignees: d.assignees,
          instruction: d.instruction,
          deadline: d.deadline,
          assignedAt: d.assignedAt,
          assignedBy: d.assignedBy,
          routedByClerk: d.routedByClerk,
        },
        assigned_at: d.assignedAt,
        deadline: d.deadline,
        ...leadColumns(lead),
        lead_deadline: lead?.deadline ?? null,
      };
    },
  }),
  IncomingAssignmentForwarded: update({
    columns: { hop: 'jsonb', ...LEAD_COLUMNS },
    set: `forwarding = d.forwarding || jsonb_build_array(e.hop), lead_username = e.lead_username,
          lead_unit_id = e.lead_unit_id, lead_full_name = e.lead_full_name, lead_deadline = e.lead_deadline`,
    row: ({ data: d }) => ({
      hop: {
        hop: d.hop,
        from: d.from,
        to: d.to,
        instruction: d.instruction,
        deadline: d.deadline,
        by: d.forwardedBy,
        at: d.forwardedAt,
      },
      ...leadColumns(d.to),
      lead_deadline: d.deadline,
    }),
  }),
  IncomingProcessingStarted: update({
    columns: { status: 'text', processing_started_at: 'timestamptz', processing_started_by: 'jsonb' },
    row: ({ data: d }) => ({ status: 'IN_PROGRESS', processing_started_at: d.startedAt, processing_started_by: d.startedBy }),
  }),
  IncomingProgressReported: update({
    columns: { note: 'jsonb' },
    set: 'progress_notes = d.progress_notes || jsonb_build_array(e.note)',
    row: ({ data: d }) => ({ note: { note: d.note, reportedAt: d.reportedAt, reportedBy: d.reportedBy } }),
  }),
  IncomingDocumentCompleted: update({
    columns: {
      status: 'text',
      completion_result: 'text',
      reply_document_id: 'text',
      completed_at: 'timestamptz',
      completed_late: 'boolean',
      completed_by: 'jsonb',
    },
    row: ({ data: d }) => ({
      status: 'COMPLETED',
      completion_result: d.result,
      reply_document_id: d.replyDocumentId,
      completed_at: d.completedAt,
      completed_late: d.completedLate,
      completed_by: d.completedBy,
    }),
  }),
  IncomingDeadlineExtended: update({
    columns: { deadline: 'timestamptz', original_deadline: 'timestamptz', lead_deadline: 'timestamptz', extension: 'jsonb' },
    set: `deadline = e.deadline, original_deadline = e.original_deadline, lead_deadline = e.lead_deadline,
          extensions = d.extensions || jsonb_build_array(e.extension)`,
    row: ({ data: d }) => ({
      deadline: d.deadline,
      original_deadline: d.originalDeadline,
      lead_deadline: d.leadDeadline,
      extension: {
        previousDeadline: d.previousDeadline,
        deadline: d.deadline,
        leadDeadline: d.leadDeadline,
        reason: d.reason,
        extendedAt: d.extendedAt,
        extendedBy: d.extendedBy,
      },
    }),
  }),
  // A new request clears the refusal of an earlier one.
  IncomingRecallRequested: update({
    columns: { status: 'text', recall_reason: 'text', recall_requested_at: 'timestamptz', recall_requested_by: 'jsonb' },
    set: `status = e.status, recall_reason = e.recall_reason, recall_requested_at = e.recall_requested_at,
          recall_requested_by = e.recall_requested_by, recall_refusal_reason = NULL, recall_refused_at = NULL,
          recall_refused_by = NULL`,
    row: ({ data: d }) => ({
      status: 'RECALL_REQUESTED',
      recall_reason: d.reason,
      recall_requested_at: d.requestedAt,
      recall_requested_by: d.recordedBy,
    }),
  }),
  IncomingDocumentRecalled: update({
    columns: { status: 'text', recalled_at: 'timestamptz', recalled_by: 'jsonb' },
    row: ({ data: d }) => ({ status: 'RECALLED', recalled_at: d.recalledAt, recalled_by: d.recalledBy }),
  }),
  IncomingReceiptDeadlinesRecomputed: update({
    columns: { effective_received_at: 'timestamptz', registration_due_at: 'timestamptz', urgency_due_at: 'timestamptz' },
    row: ({ data: d }) => ({
      effective_received_at: d.effectiveReceivedAt,
      registration_due_at: d.registrationDueAt,
      urgency_due_at: d.urgencyDueAt,
    }),
  }),
  IncomingRecallRefused: update({
    columns: { status: 'text', recall_refusal_reason: 'text', recall_refused_at: 'timestamptz', recall_refused_by: 'jsonb' },
    row: ({ data: d }) => ({
      status: d.restoredStatus,
      recall_refusal_reason: d.reason,
      recall_refused_at: d.refusedAt,
      recall_refused_by: d.refusedBy,
    }),
  }),
};
