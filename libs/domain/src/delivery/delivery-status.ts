import type { IncomingDocumentEventType } from '../incoming-document/incoming-document.events';

/**
 * Delivery status of an issued document at one recipient, as the sender sees it (api-contract.md
 * `DeliveryStatus`; Decree 30 Điều 4.2.d, Điều 18; domain.md §2 exchange codes):
 *
 *   PENDING → SENT → ARRIVED (01) → ACCEPTED (03) | REJECTED (02) → ASSIGNED (04) → IN_PROGRESS (05) → COMPLETED (06)
 *   recall branch: RECALL_REQUESTED (13) → RECALL_ACCEPTED (15) | RECALL_REFUSED (16)
 */
export type DeliveryStatus =
  | 'PENDING'
  | 'SENT'
  | 'ARRIVED'
  | 'REJECTED'
  | 'ACCEPTED'
  | 'ASSIGNED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | 'RECALL_REQUESTED'
  | 'RECALL_ACCEPTED'
  | 'RECALL_REFUSED';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'PENDING',
  'SENT',
  'ARRIVED',
  'REJECTED',
  'ACCEPTED',
  'ASSIGNED',
  'IN_PROGRESS',
  'COMPLETED',
  'RECALL_REQUESTED',
  'RECALL_ACCEPTED',
  'RECALL_REFUSED',
];

/** The statuses a report may name (PENDING is where every recipient starts). */
export const REPORTABLE_DELIVERY_STATUSES: readonly DeliveryStatus[] = DELIVERY_STATUSES.filter((status) => status !== 'PENDING');

export type RecallDeliveryStatus = Extract<DeliveryStatus, 'RECALL_REQUESTED' | 'RECALL_ACCEPTED' | 'RECALL_REFUSED'>;
export type MainDeliveryStatus = Exclude<DeliveryStatus, RecallDeliveryStatus>;

export function isRecallDeliveryStatus(status: DeliveryStatus): status is RecallDeliveryStatus {
  return status === 'RECALL_REQUESTED' || status === 'RECALL_ACCEPTED' || status === 'RECALL_REFUSED';
}

/** MANUAL: recorded by the clerk for a recipient outside the system; INTERCONNECT: by the process manager for one inside. */
export type DeliverySource = 'MANUAL' | 'INTERCONNECT';
export const DELIVERY_SOURCES: readonly DeliverySource[] = ['MANUAL', 'INTERCONNECT'];

/** Progress along the main path; ACCEPTED and REJECTED are alternatives at the same step. */
export function mainPathRank(status: MainDeliveryStatus): number {
  switch (status) {
    case 'PENDING':
      return 0;
    case 'SENT':
      return 1;
    case 'ARRIVED':
      return 2;
    case 'ACCEPTED':
    case 'REJECTED':
      return 3;
    case 'ASSIGNED':
      return 4;
    case 'IN_PROGRESS':
      return 5;
    case 'COMPLETED':
      return 6;
    default: {
      const _exhaustive: never = status;
      return _exhaustive;
    }
  }
}

/** The exchange status code (domain.md §2) of a delivery status; null for PENDING and SENT (not exchanged). */
export function exchangeCodeOf(status: DeliveryStatus): string | null {
  switch (status) {
    case 'PENDING':
    case 'SENT':
      return null;
    case 'ARRIVED':
      return '01';
    case 'REJECTED':
      return '02';
    case 'ACCEPTED':
      return '03';
    case 'ASSIGNED':
      return '04';
    case 'IN_PROGRESS':
      return '05';
    case 'COMPLETED':
      return '06';
    case 'RECALL_REQUESTED':
      return '13';
    case 'RECALL_ACCEPTED':
      return '15';
    case 'RECALL_REFUSED':
      return '16';
    default: {
      const _exhaustive: never = status;
      return _exhaustive;
    }
  }
}

/** The delivery status of an exchange status code, or null for an unknown code. */
export function deliveryStatusOfExchangeCode(code: string): DeliveryStatus | null {
  return DELIVERY_STATUSES.find((status) => exchangeCodeOf(status) === code) ?? null;
}

/**
 * What an event of the recipient's incoming document (delivered from this system, `source` set) reports back
 * to the sender, for the process manager; null for events that report nothing.
 */
export function deliveryStatusOfIncomingEvent(type: IncomingDocumentEventType): DeliveryStatus | null {
  switch (type) {
    case 'IncomingDocumentReceived':
      return 'ARRIVED';
    case 'IncomingDocumentRejected':
      return 'REJECTED';
    case 'IncomingDocumentRegistered':
      return 'ACCEPTED';
    case 'IncomingDocumentAssigned':
      return 'ASSIGNED';
    case 'IncomingProcessingStarted':
      return 'IN_PROGRESS';
    case 'IncomingDocumentCompleted':
      return 'COMPLETED';
    case 'IncomingRecallRequested':
      return 'RECALL_REQUESTED';
    case 'IncomingDocumentRecalled':
      return 'RECALL_ACCEPTED';
    case 'IncomingRecallRefused':
      return 'RECALL_REFUSED';
    case 'IncomingPaperCopyLinked':
    case 'IncomingDocumentPresented':
    case 'IncomingAssignmentForwarded':
    case 'IncomingProgressReported':
    case 'IncomingDeadlineExtended':
    case 'IncomingReceiptDeadlinesRecomputed':
      return null;
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}
