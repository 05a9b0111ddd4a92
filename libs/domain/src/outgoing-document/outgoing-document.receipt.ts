import { DomainError } from '../shared/domain-error';
import type { ReceiveIncomingDocument } from '../incoming-document/incoming-document.commands';
import type { OutgoingDocumentIssued } from './outgoing-document.events';

/** What the receiving side adds: its own document id and the receipt times computed with its calendar. */
export type ReceiptTimes = Pick<
  ReceiveIncomingDocument['data'],
  'documentId' | 'receivedAt' | 'effectiveReceivedAt' | 'registrationDueAt' | 'urgencyDueAt'
>;

/**
 * The data of the `ReceiveIncomingDocument` that delivers an issued document to a recipient agency of this
 * system (channel INTERCONNECT, `source` = the outgoing document), for the process manager that reacts to
 * `OutgoingDocumentIssued`. Refuses RECIPIENT_UNKNOWN for an agency that is not an in-system recipient.
 */
export function incomingReceiptOf(
  issued: OutgoingDocumentIssued,
  recipientAgencyCode: string,
  times: ReceiptTimes,
): ReceiveIncomingDocument['data'] {
  const { data } = issued;
  const recipient = data.recipients.find((candidate) => candidate.agencyCode === recipientAgencyCode && candidate.inSystem);
  if (!recipient) {
    throw new DomainError('RECIPIENT_UNKNOWN', `${recipientAgencyCode} is not a recipient of ${data.documentId} in this system`, {
      agencyCode: recipientAgencyCode,
      documentId: data.documentId,
    });
  }
  return {
    ...times,
    agencyCode: recipientAgencyCode,
    channel: 'INTERCONNECT',
    sender: { agencyCode: data.agencyCode, name: data.agencyName },
    codeNumber: data.codeNumber,
    codeNotation: data.codeNotation,
    issuedDate: data.issuedDate,
    documentType: data.documentTypeName,
    subject: data.subject,
    signer: { fullName: data.signer.fullName, position: data.signer.position },
    urgency: data.urgency,
    confidentiality: data.confidentiality,
    dueDate: data.dueDate,
    attachments: data.attachments,
    source: { outgoingDocumentId: data.documentId, agencyCode: data.agencyCode },
  };
}
