import { type Attachment, type IssuedRecipient, type OutgoingRecipient as DomainRecipient, type OutgoingSigner, type PersonRef, recipientKeyOf } from '@app/domain';
import { Confidentiality, OutgoingStatus, SignerCompetence, Urgency } from '../common/enums';
import type { DraftReturn, OutgoingDocument, OutgoingRecipient } from './outgoing-document.type';

/** The columns of rm_outgoing_documents.outgoing_documents the API reads, dates as `YYYY-MM-DD` text. */
export const OUTGOING_DOCUMENT_COLUMNS = `document_id, agency_code, unit_id, drafter, created_at, status, version, document_type,
  document_type_name, subject, urgency, confidentiality, recipients, attachments, reply_to_document_ids, paper_copy,
  due_date::text AS due_date, approver, submitted_at, returns, approved_at, approved_by, signer, signed_at, signature,
  issue_due_at, register_code, year, number, code_number, code_notation, issued_date::text AS issued_date, identifier,
  numbered_at, numbered_by, agency_signed_at, agency_signature, issued_at, issued_by, issued_late, recall_reason,
  recalled_at, recalled_by`;

export interface OutgoingDocumentRow {
  document_id: string; agency_code: string; unit_id: string; drafter: PersonRef; created_at: Date; status: OutgoingStatus;
  version: number; document_type: string; document_type_name: string; subject: string; urgency: Urgency;
  confidentiality: Confidentiality; recipients: (DomainRecipient | IssuedRecipient)[]; attachments: Attachment[];
  reply_to_document_ids: string[]; paper_copy: boolean; due_date: string | null; approver: PersonRef | null;
  submitted_at: Date | null; returns: DraftReturn[]; approved_at: Date | null; approved_by: PersonRef | null;
  signer: OutgoingSigner | null; signed_at: Date | null; signature: { certificateSerial: string; documentSha256: string; onBehalfOf?: PersonRef | null } | null;
  issue_due_at: Date | null; register_code: string | null; year: number | null; number: number | null;
  code_number: string | null; code_notation: string | null; issued_date: string | null; identifier: string | null;
  numbered_at: Date | null; numbered_by: PersonRef | null; agency_signed_at: Date | null;
  agency_signature: { certificateSerial: string; appliedBy: PersonRef } | null; issued_at: Date | null;
  issued_by: PersonRef | null; issued_late: boolean | null; recall_reason: string | null; recalled_at: Date | null;
  recalled_by: PersonRef | null;
}

/** The statuses in which the document is signed but not released yet: the issue deadline runs. */
export const AWAITING_ISSUE: readonly OutgoingStatus[] = [OutgoingStatus.SIGNED, OutgoingStatus.NUMBERED, OutgoingStatus.SEALED];

export function isIssueOverdue(row: Pick<OutgoingDocumentRow, 'status' | 'issue_due_at'>, now: Date): boolean {
  return AWAITING_ISSUE.includes(row.status) && row.issue_due_at !== null && row.issue_due_at.getTime() < now.getTime();
}

/** The recipients as the draft names them, or as issued (with their key and whether they are in this system). */
export function toRecipients(recipients: readonly (DomainRecipient | IssuedRecipient)[]): OutgoingRecipient[] {
  return recipients.map((recipient) => ({
    agencyCode: recipient.agencyCode,
    name: recipient.name,
    recipientKey: 'recipientKey' in recipient ? recipient.recipientKey : recipientKeyOf(recipient),
    inSystem: 'inSystem' in recipient ? recipient.inSystem : null,
  }));
}

export function toOutgoingDocument(row: OutgoingDocumentRow, now: Date): OutgoingDocument {
  return {
    id: row.document_id,
    agencyCode: row.agency_code,
    unitId: row.unit_id,
    drafter: row.drafter,
    createdAt: row.created_at,
    status: row.status,
    version: row.version,
    documentType: row.document_type,
    documentTypeName: row.document_type_name,
    subject: row.subject,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    recipients: toRecipients(row.recipients),
    attachments: row.attachments,
    replyToDocumentIds: row.reply_to_document_ids,
    paperCopy: row.paper_copy,
    dueDate: row.due_date,
    approver: row.approver,
    submittedAt: row.submitted_at,
    returns: row.returns,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    signature:
      row.signer === null || row.signed_at === null || row.signature === null
        ? null
        : {
            signer: { ...row.signer, competence: row.signer.competence as SignerCompetence },
            signedAt: row.signed_at,
            certificateSerial: row.signature.certificateSerial,
            documentSha256: row.signature.documentSha256,
            onBehalfOf: row.signature.onBehalfOf ?? null,
          },
    issueDueAt: row.issue_due_at,
    overdue: isIssueOverdue(row, now),
    registerCode: row.register_code,
    year: row.year,
    number: row.number,
    codeNumber: row.code_number,
    codeNotation: row.code_notation,
    issuedDate: row.issued_date,
    identifier: row.identifier,
    numberedAt: row.numbered_at,
    numberedBy: row.numbered_by,
    agencySignature:
      row.agency_signed_at === null || row.agency_signature === null
        ? null
        : { signedAt: row.agency_signed_at, certificateSerial: row.agency_signature.certificateSerial, appliedBy: row.agency_signature.appliedBy },
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    issuedLate: row.issued_late,
    recall:
      row.recall_reason === null || row.recalled_at === null || row.recalled_by === null
        ? null
        : { reason: row.recall_reason, recalledAt: row.recalled_at, recalledBy: row.recalled_by },
  };
}
