import {
  deliveryDecider,
  deliveryStatusOfIncomingEvent,
  deliveryStream,
  INCOMING_DOCUMENT_EVENT_TYPES,
  isAfter,
  MAX_DELIVERY_NOTE_LENGTH,
  type DocumentSource,
  type IncomingDocumentEvent,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProcessManager } from '../process-manager';
import { managedCommand } from '../process-manager';
import { systemClerk } from '../system-actor';

/** The incoming events that report to the sender: they carry `source` (null unless delivered inside the system). */
type ReportingEvent = Extract<IncomingDocumentEvent, { data: { source: DocumentSource | null } }>;

const REPORTING_TYPES = INCOMING_DOCUMENT_EVENT_TYPES.filter((type) => deliveryStatusOfIncomingEvent(type) !== null);

/**
 * Status flow-back (Decree 30 Điều 4.2.d; exchange codes 01–06, 15, 16): what the recipient agency does with a
 * document delivered inside the system becomes the sender's delivery status, RECEIVED → ARRIVED,
 * REGISTERED → ACCEPTED, REJECTED → REJECTED, ASSIGNED → ASSIGNED, IN_PROGRESS → IN_PROGRESS,
 * COMPLETED → COMPLETED, and the answers to a recall (RECALL_ACCEPTED, RECALL_REFUSED). A report that would go
 * backwards (a status from before a recall request the sender already recorded) is refused by the delivery
 * decider and recorded as a refusal.
 */
export function deliveryStatusFlowBackManager(): ProcessManager {
  return {
    name: 'delivery_status_flow_back',
    eventTypes: REPORTING_TYPES,
    react(event, now) {
      const incoming = { type: event.type, data: event.data } as ReportingEvent;
      const status = deliveryStatusOfIncomingEvent(incoming.type);
      const { source, agencyCode } = incoming.data;
      if (status === null || source === null) return null;
      const { outgoingDocumentId } = source;
      return {
        correlationId: outgoingDocumentId,
        commands: [
          managedCommand('status', deliveryStream(outgoingDocumentId), deliveryDecider, {
            type: 'RecordDeliveryStatus',
            data: {
              documentId: outgoingDocumentId,
              recipientAgencyCode: agencyCode,
              status,
              note: noteOf(incoming).slice(0, MAX_DELIVERY_NOTE_LENGTH),
              at: occurredAt(event, now),
              source: 'INTERCONNECT',
            },
            context: { actor: systemClerk(source.agencyCode), now },
          }),
        ],
      };
    },
  };
}

/** What the sender learns besides the status: why the recipient returned the document or kept it. */
function noteOf(event: ReportingEvent): string {
  switch (event.type) {
    case 'IncomingDocumentRejected':
      return event.data.note ? `${event.data.reason}: ${event.data.note}` : event.data.reason;
    case 'IncomingRecallRefused':
      return event.data.reason;
    case 'IncomingDocumentReceived':
    case 'IncomingDocumentRegistered':
    case 'IncomingDocumentAssigned':
    case 'IncomingProcessingStarted':
    case 'IncomingDocumentCompleted':
    case 'IncomingRecallRequested':
    case 'IncomingDocumentRecalled':
      return '';
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** When it happened at the recipient; never after `now` (clocks of two processes may disagree slightly). */
function occurredAt(event: RecordedEvent, now: string): string {
  const at = typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt.toISOString();
  return isAfter(at, now) ? now : at;
}
