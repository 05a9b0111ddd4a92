import type { OutgoingDocumentEvent, OutgoingDraftContent } from '@app/domain';
import { OUTGOING_DOCUMENT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';
import { foldVietnamese, incomingSearchText } from '../incoming-documents/fold-vietnamese';
import type { ColumnTypes } from '../shared/recordset';
import { columnNames, recordsetColumns, recordsetParam } from '../shared/recordset';
import { revisionedUpdate } from '../shared/revisioned-update';
import type { Projected, TypeHandlers } from '../shared/stream-rounds';
import { applyByType, streamRounds } from '../shared/stream-rounds';
import { OUTGOING_DOCUMENTS_SCHEMA } from './outgoing-documents.schema';

type Of<K extends OutgoingDocumentEvent['type']> = Projected<Extract<OutgoingDocumentEvent, { type: K }>>;

/**
 * The outgoing documents read model: the detail page (`outgoingDocument`) and the outgoing register
 * (`outgoingRegister`, Phụ lục IV). Every row carries the revision of the document stream it reflects; an event
 * applies only to a row that is behind it, so replays change nothing.
 */
export const outgoingDocumentsProjection: ProjectionDefinition = {
  name: 'outgoing_documents',
  eventTypes: OUTGOING_DOCUMENT_EVENT_TYPES,
  schema: OUTGOING_DOCUMENTS_SCHEMA,
  handle: (event, tx) => applyOutgoingDocumentEvents([event], tx),
  handleBatch: applyOutgoingDocumentEvents,
};

async function applyOutgoingDocumentEvents(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  for (const round of streamRounds(events)) await applyByType(round, handlers, tx);
}

/** The columns every draft version sets: creation and revisions carry the whole content. */
const CONTENT_COLUMNS: ColumnTypes = {
  version: 'integer',
  document_type: 'text',
  document_type_name: 'text',
  subject: 'text',
  urgency: 'text',
  confidentiality: 'text',
  recipients: 'jsonb',
  attachments: 'jsonb',
  reply_to_document_ids: 'text[]',
  paper_copy: 'boolean',
  due_date: 'date',
  search_text: 'text',
};

function contentRow(d: OutgoingDraftContent) {
  return {
    version: d.version,
    document_type: d.documentType,
    document_type_name: d.documentTypeName,
    subject: d.subject,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    recipients: d.recipients,
    attachments: d.attachments,
    reply_to_document_ids: d.replyToDocumentIds,
    paper_copy: d.paperCopy,
    due_date: d.dueDate,
    // Drafts have no number yet: the text search finds them by subject.
    search_text: foldVietnamese(d.subject),
  };
}

const CREATED_COLUMNS: ColumnTypes = {
  document_id: 'text',
  agency_code: 'text',
  unit_id: 'text',
  drafter: 'jsonb',
  created_at: 'timestamptz',
  status: 'text',
  ...CONTENT_COLUMNS,
  revision: 'bigint',
  updated_at: 'timestamptz',
};

async function insertCreated(events: readonly Of<'OutgoingDraftCreated'>[], tx: ProjectionTx): Promise<void> {
  const rows = events.map(({ data: d, revision, recordedAt }) => ({
    document_id: d.documentId,
    agency_code: d.agencyCode,
    unit_id: d.unitId,
    drafter: d.drafter,
    created_at: d.createdAt,
    status: 'DRAFT',
    ...contentRow(d),
    revision,
    updated_at: recordedAt,
  }));
  await tx.query(
    `INSERT INTO outgoing_documents (${columnNames(CREATED_COLUMNS)})
     SELECT ${columnNames(CREATED_COLUMNS, 'e')} FROM jsonb_to_recordset($1::jsonb) AS e(${recordsetColumns(CREATED_COLUMNS)})
     ON CONFLICT (document_id) DO NOTHING`,
    [recordsetParam(rows)],
  );
}

function update<K extends OutgoingDocumentEvent['type']>(spec: { columns: ColumnTypes; row: (event: Of<K>) => object; set?: string }) {
  return revisionedUpdate<Extract<OutgoingDocumentEvent, { type: K }>>({
    table: 'outgoing_documents',
    key: { document_id: 'text' },
    keyOf: (event) => ({ document_id: event.data.documentId }),
    ...spec,
  });
}

const handlers: TypeHandlers<OutgoingDocumentEvent> = {
  OutgoingDraftCreated: insertCreated,
  OutgoingDraftRevised: update({
    columns: { status: 'text', ...CONTENT_COLUMNS, revised_at: 'timestamptz', revised_by: 'jsonb' },
    row: ({ data: d }) => ({ status: 'DRAFT', ...contentRow(d), revised_at: d.revisedAt, revised_by: d.revisedBy }),
  }),
  OutgoingDraftSubmitted: update({
    columns: { status: 'text', approver: 'jsonb', submitted_at: 'timestamptz', submitted_by: 'jsonb' },
    row: ({ data: d }) => ({ status: 'SUBMITTED', approver: d.approver, submitted_at: d.submittedAt, submitted_by: d.submittedBy }),
  }),
  // Every return is kept (the leader's comments on each version), oldest first.
  OutgoingDraftReturned: update({
    columns: { status: 'text', returned: 'jsonb' },
    set: `status = e.status, returns = d.returns || jsonb_build_array(e.returned)`,
    row: ({ data: d }) => ({
      status: 'RETURNED',
      returned: { version: d.version, reason: d.reason, returnedAt: d.returnedAt, returnedBy: d.returnedBy, onBehalfOf: d.onBehalfOf },
    }),
  }),
  OutgoingDraftApproved: update({
    columns: { status: 'text', approved_at: 'timestamptz', approved_by: 'jsonb' },
    row: ({ data: d }) => ({ status: 'APPROVED', approved_at: d.approvedAt, approved_by: d.approvedBy }),
  }),
  OutgoingDocumentSigned: update({
    columns: { status: 'text', signer: 'jsonb', signed_at: 'timestamptz', signature: 'jsonb', issue_due_at: 'timestamptz' },
    row: ({ data: d }) => ({
      status: 'SIGNED',
      signer: d.signer,
      signed_at: d.signedAt,
      signature: { certificateSerial: d.certificateSerial, documentSha256: d.documentSha256, mainFileName: d.mainFileName, onBehalfOf: d.onBehalfOf },
      issue_due_at: d.issueDueAt,
    }),
  }),
  OutgoingDocumentNumbered: update({
    columns: {
      status: 'text',
      register_code: 'text',
      year: 'integer',
      number: 'integer',
      code_number: 'text',
      code_notation: 'text',
      issued_date: 'date',
      identifier: 'text',
      numbered_at: 'timestamptz',
      numbered_by: 'jsonb',
      search_text: 'text',
    },
    row: ({ data: d }) => ({
      status: 'NUMBERED',
      register_code: d.registerCode,
      year: d.year,
      number: d.number,
      code_number: d.codeNumber,
      code_notation: d.codeNotation,
      issued_date: d.issuedDate,
      identifier: d.identifier.value,
      numbered_at: d.numberedAt,
      numbered_by: d.numberedBy,
      search_text: incomingSearchText(d.subject, d.codeNumber, d.codeNotation),
    }),
  }),
  OutgoingAgencySignatureApplied: update({
    columns: { status: 'text', agency_signed_at: 'timestamptz', agency_signature: 'jsonb' },
    row: ({ data: d }) => ({
      status: 'SEALED',
      agency_signed_at: d.signedAt,
      agency_signature: { certificateSerial: d.certificateSerial, documentSha256: d.documentSha256, appliedAt: d.appliedAt, appliedBy: d.appliedBy },
    }),
  }),
  // The recipients as issued: with their delivery key and whether they are agencies of this system.
  OutgoingDocumentIssued: update({
    columns: { status: 'text', agency_name: 'text', recipients: 'jsonb', issued_at: 'timestamptz', issued_by: 'jsonb', issued_late: 'boolean' },
    row: ({ data: d }) => ({
      status: 'ISSUED',
      agency_name: d.agencyName,
      recipients: d.recipients,
      issued_at: d.issuedAt,
      issued_by: d.issuedBy,
      issued_late: d.issuedLate,
    }),
  }),
  OutgoingDocumentRecalled: update({
    columns: { status: 'text', recall_reason: 'text', recalled_at: 'timestamptz', recalled_by: 'jsonb' },
    row: ({ data: d }) => ({ status: 'RECALLED', recall_reason: d.reason, recalled_at: d.recalledAt, recalled_by: d.recalledBy }),
  }),
};
