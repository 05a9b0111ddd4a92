import type { Assignee as DomainAssignee, Attachment, PersonRef } from '@app/domain';
import { AssignmentRole, Confidentiality, IncomingStatus, ReceiptChannel, RejectionReason, Urgency } from '../common/enums';
import type { DeadlineExtension, Forwarding, HandlerRef, IncomingDocument, ProgressNote } from './incoming-document.type';

/** The columns of rm_incoming_documents.incoming_documents the API reads, dates as `YYYY-MM-DD` text. */
export const INCOMING_DOCUMENT_COLUMNS = `document_id, agency_code, channel, sender_agency_code, sender_name, code_number, code_notation,
  issued_date::text AS issued_date, document_type, subject, signer_full_name, signer_position, urgency, confidentiality,
  due_date::text AS due_date, attachments, received_at, effective_received_at, registration_due_at, urgency_due_at,
  source_outgoing_document_id, source_agency_code, received_by, status, register_code, year, arrival_number,
  arrival_date::text AS arrival_date, registered_at, registered_late, registered_by, paper_copy_of, rejection_reason,
  rejection_note, rejected_at, rejected_by, presented_to, presented_at, assignments, assigned_at, forwarding, lead_username,
  lead_unit_id, lead_full_name, lead_deadline, deadline, original_deadline, extensions, processing_started_at,
  progress_notes, completion_result, reply_document_id, completed_at, completed_late, completed_by, recall_reason,
  recall_requested_at, recall_requested_by, recalled_at, recalled_by, recall_refusal_reason, recall_refused_at`;

export interface IncomingDocumentRow {
  document_id: string; agency_code: string; channel: ReceiptChannel; sender_agency_code: string | null; sender_name: string;
  code_number: string; code_notation: string; issued_date: string; document_type: string; subject: string;
  signer_full_name: string; signer_position: string; urgency: Urgency; confidentiality: Confidentiality; due_date: string | null;
  attachments: Attachment[]; received_at: Date; effective_received_at: Date; registration_due_at: Date; urgency_due_at: Date | null;
  source_outgoing_document_id: string | null; source_agency_code: string | null; received_by: PersonRef; status: IncomingStatus;
  register_code: string | null; year: number | null; arrival_number: number | null; arrival_date: string | null;
  registered_at: Date | null; registered_late: boolean | null; registered_by: PersonRef | null; paper_copy_of: string | null;
  rejection_reason: RejectionReason | null; rejection_note: string | null; rejected_at: Date | null; rejected_by: PersonRef | null;
  presented_to: PersonRef | null; presented_at: Date | null;
  assignments: { assignees: DomainAssignee[]; instruction: string; assignedBy: PersonRef } | null; assigned_at: Date | null;
  forwarding: Forwarding[]; lead_username: string | null; lead_unit_id: string | null; lead_full_name: string | null;
  lead_deadline: Date | null; deadline: Date | null; original_deadline: Date | null; extensions: DeadlineExtension[];
  processing_started_at: Date | null; progress_notes: ProgressNote[]; completion_result: string | null;
  reply_document_id: string | null; completed_at: Date | null; completed_late: boolean | null; completed_by: PersonRef | null;
  recall_reason: string | null; recall_requested_at: Date | null; recall_requested_by: PersonRef | null; recalled_at: Date | null;
  recalled_by: PersonRef | null; recall_refusal_reason: string | null; recall_refused_at: Date | null;
}

/**
 * Whether an obligation still open is past due at `now`, by the same obligations as the deadlines read model:
 * registration while RECEIVED, urgent handling until the directive, and the lead's deadline while handled.
 */
export function isOverdue(row: IncomingDocumentRow, now: Date): boolean {
  const past = (at: Date | null) => at !== null && at.getTime() < now.getTime();
  switch (row.status) {
    case 'RECEIVED':
      return past(row.registration_due_at) || past(row.urgency_due_at);
    case 'REGISTERED':
    case 'PRESENTED':
      return row.paper_copy_of === null && past(row.urgency_due_at);
    case 'ASSIGNED':
    case 'IN_PROGRESS':
      return past(row.lead_deadline ?? row.deadline);
    default:
      return false;
  }
}

export function toIncomingDocument(row: IncomingDocumentRow, now: Date): IncomingDocument {
  return {
    id: row.document_id,
    agencyCode: row.agency_code,
    channel: row.channel,
    sender: { agencyCode: row.sender_agency_code, name: row.sender_name },
    codeNumber: row.code_number,
    codeNotation: row.code_notation,
    issuedDate: row.issued_date,
    documentType: row.document_type,
    subject: row.subject,
    signer: { fullName: row.signer_full_name, position: row.signer_position },
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    dueDate: row.due_date,
    attachments: row.attachments,
    source:
      row.source_outgoing_document_id === null || row.source_agency_code === null
        ? null
        : { outgoingDocumentId: row.source_outgoing_document_id, agencyCode: row.source_agency_code },
    receivedAt: row.received_at,
    effectiveReceivedAt: row.effective_received_at,
    registrationDueAt: row.registration_due_at,
    urgencyDueAt: row.urgency_due_at,
    receivedBy: row.received_by,
    status: row.status,
    registerCode: row.register_code,
    year: row.year,
    arrivalNumber: row.arrival_number,
    arrivalDate: row.arrival_date,
    registeredAt: row.registered_at,
    registeredLate: row.registered_late,
    registeredBy: row.registered_by,
    paperCopyOf: row.paper_copy_of,
    rejection:
      row.rejection_reason === null || row.rejected_at === null || row.rejected_by === null
        ? null
        : { reason: row.rejection_reason, note: row.rejection_note ?? '', rejectedAt: row.rejected_at, rejectedBy: row.rejected_by },
    presentedTo: row.presented_to,
    presentedAt: row.presented_at,
    assignments: (row.assignments?.assignees ?? []).map((a) => ({ ...a, role: a.role as AssignmentRole })),
    instruction: row.assignments?.instruction ?? null,
    assignedAt: row.assigned_at,
    assignedBy: row.assignments?.assignedBy ?? null,
    forwarding: row.forwarding,
    lead: leadRef(row.lead_username, row.lead_unit_id, row.lead_full_name),
    leadDeadline: row.lead_deadline,
    deadline: row.deadline,
    originalDeadline: row.original_deadline,
    extensions: row.extensions,
    processingStartedAt: row.processing_started_at,
    progress: row.progress_notes,
    completion:
      row.completion_result === null || row.completed_at === null || row.completed_by === null
        ? null
        : {
            result: row.completion_result,
            replyDocumentId: row.reply_document_id,
            completedAt: row.completed_at,
            completedBy: row.completed_by,
            completedLate: row.completed_late ?? false,
          },
    recall:
      row.recall_reason === null || row.recall_requested_at === null || row.recall_requested_by === null
        ? null
        : {
            reason: row.recall_reason,
            requestedAt: row.recall_requested_at,
            requestedBy: row.recall_requested_by,
            recalledAt: row.recalled_at,
            recalledBy: row.recalled_by,
            refusalReason: row.recall_refusal_reason,
            refusedAt: row.recall_refused_at,
          },
    overdue: isOverdue(row, now),
  };
}

/**
 * The lead as read models keep it: `lead_unit_id` is the unit answerable, the lead unit itself or the lead
 * person's unit; null when nobody leads.
 */
export function leadRef(username: string | null, unitId: string | null, fullName: string | null): HandlerRef | null {
  if (fullName === null) return null;
  const person = username !== null;
  return { username, unitId: person ? null : unitId, unitIdOfUser: person ? unitId : null, fullName };
}
