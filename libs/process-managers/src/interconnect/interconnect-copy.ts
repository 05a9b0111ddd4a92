import type { ReceiptChannel, ReceiptTimes, Urgency } from '@app/domain';
import { uuidV5 } from '@app/event-store';

/** Namespace of the ids of documents delivered inside the system (a fixed, randomly chosen UUID; never change it). */
const INTERCONNECT_COPY_NAMESPACE = '7cfcf82a-619b-4fa8-899e-7962785dce84';

/**
 * The id of the incoming document that delivers `outgoingDocumentId` to the recipient agency. A function of
 * the pair, so that however often delivery is retried the recipient gets one document, and the recall finds it.
 */
export function interconnectCopyId(outgoingDocumentId: string, recipientAgencyCode: string): string {
  return uuidV5(INTERCONNECT_COPY_NAMESPACE, `${outgoingDocumentId}|${recipientAgencyCode}`);
}

/** The receipt deadlines on the recipient agency's working calendar (the api's AgencyDeadlines fits it). */
export interface RecipientDeadlines {
  receipt(
    agencyCode: string,
    receivedAt: string,
    channel: ReceiptChannel,
    urgency: Urgency,
  ): Pick<ReceiptTimes, 'effectiveReceivedAt' | 'registrationDueAt' | 'urgencyDueAt'>;
}
