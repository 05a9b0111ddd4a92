import {
  deliveryDecider,
  deliveryStream,
  incomingDocumentDecider,
  incomingReceiptOf,
  incomingStream,
  startDeliveryTrackingData,
  type OutgoingDocumentIssued,
  type OutgoingDocumentRecalled,
} from '@app/domain';
import type { ProcessManager, Reaction } from '../process-manager';
import { managedCommand } from '../process-manager';
import { systemClerk } from '../system-actor';
import { interconnectCopyId, RecipientDeadlines } from './interconnect-copy';

type OutgoingEvent = OutgoingDocumentIssued | OutgoingDocumentRecalled;

/**
 * Liên thông inside the system (api-contract.md `issueOutgoingDocument`, Decree 30 Điều 18.4):
 *
 * - OutgoingDocumentIssued → StartDeliveryTracking on the sender's `delivery-<id>` (every recipient PENDING),
 *   then for every recipient that is an agency of this system a ReceiveIncomingDocument in that agency
 *   (channel INTERCONNECT, the document's metadata and attachment references carried over, receipt deadlines
 *   on the recipient's calendar). Recipients outside the system stay PENDING until the clerk reports on them.
 * - OutgoingDocumentRecalled → for every recipient in the system, RECALL_REQUESTED (code 13) on the sender's
 *   delivery, then ReceiveRecallRequest on the recipient's copy, which its clerk acknowledges or refuses.
 *
 * Delivery and recall share one manager, hence one ordered subscription: the recall of a copy is always handled
 * after its delivery, even when the manager lags behind the clerks. Tracking starts before the copies are
 * received, so the status flow-back of a copy always finds the delivery it reports on.
 */
export function interconnectDeliveryManager(deadlines: RecipientDeadlines): ProcessManager {
  return {
    name: 'interconnect_delivery',
    eventTypes: ['OutgoingDocumentIssued', 'OutgoingDocumentRecalled'] satisfies OutgoingEvent['type'][],
    react(event, now) {
      const outgoing = { type: event.type, data: event.data } as OutgoingEvent;
      switch (outgoing.type) {
        case 'OutgoingDocumentIssued':
          return deliver(outgoing, now, deadlines);
        case 'OutgoingDocumentRecalled':
          return requestRecall(outgoing, now);
        default: {
          const _exhaustive: never = outgoing;
          return _exhaustive;
        }
      }
    },
  };
}

function deliver(issued: OutgoingDocumentIssued, now: string, deadlines: RecipientDeadlines): Reaction {
  const { documentId, agencyCode, urgency, recipients } = issued.data;
  const track = managedCommand('track', deliveryStream(documentId), deliveryDecider, {
    type: 'StartDeliveryTracking',
    data: startDeliveryTrackingData(issued),
    context: { actor: systemClerk(agencyCode), now },
  });
  const copies = recipients.flatMap(({ agencyCode: recipient, inSystem }) => {
    if (!inSystem || recipient === null) return [];
    const copyId = interconnectCopyId(documentId, recipient);
    // The receipt time is when the document is in the recipient's system (Khánh Hòa Điều 10.2): now.
    const times = { documentId: copyId, receivedAt: now, ...deadlines.receipt(recipient, now, 'INTERCONNECT', urgency) };
    return [
      managedCommand(`deliver:${recipient}`, incomingStream(copyId), incomingDocumentDecider, {
        type: 'ReceiveIncomingDocument',
        data: incomingReceiptOf(issued, recipient, times),
        context: { actor: systemClerk(recipient), now },
      }),
    ];
  });
  return { correlationId: documentId, commands: [track, ...copies] };
}

function requestRecall(recalled: OutgoingDocumentRecalled, now: string): Reaction {
  const { documentId, agencyCode, reason, recalledAt, recipients } = recalled.data;
  const commands = recipients.flatMap(({ agencyCode: recipient, recipientKey, inSystem }) => {
    if (!inSystem || recipient === null) return [];
    const copyId = interconnectCopyId(documentId, recipient);
    return [
      managedCommand(`recall-requested:${recipient}`, deliveryStream(documentId), deliveryDecider, {
        type: 'RecordDeliveryStatus',
        data: { documentId, recipientAgencyCode: recipientKey, status: 'RECALL_REQUESTED', note: reason, at: recalledAt, source: 'INTERCONNECT' },
        context: { actor: systemClerk(agencyCode), now },
      }),
      managedCommand(`recall:${recipient}`, incomingStream(copyId), incomingDocumentDecider, {
        type: 'ReceiveRecallRequest',
        data: { documentId: copyId, reason },
        context: { actor: systemClerk(recipient), now },
      }),
    ];
  });
  return { correlationId: documentId, commands };
}
