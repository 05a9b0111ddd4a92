import type { DomainEvent } from '../shared/decider';
import type { PersonRef } from '../shared/people';
import type { DeliverySource, DeliveryStatus } from './delivery-status';

/**
 * Events of a delivery stream `delivery-<documentId>` (streams.ts `deliveryStream`): the sender's tracking of
 * an issued outgoing document at each recipient (Decree 30 Điều 4.2.d; domain.md §9.4 O9).
 *
 * Why a stream of its own rather than the outgoing document's: after issue, statuses arrive from the process
 * manager (for recipients in this system) while clerks act on the document (recall) and record reports from
 * recipients outside the system. On one stream they would conflict on its revision and retry each other;
 * apart, the document stream stays small and frozen after recall, and the deliveries fold from one short stream.
 *
 * Every event carries `documentId`, `agencyCode` (the sending agency) and the recipient, so the deliveries read
 * model needs nothing else.
 */

export interface TrackedRecipient {
  /** Agency code, or `NAME:<folded name>` for a recipient without code (`recipientKeyOf`). */
  readonly recipientKey: string;
  readonly agencyCode: string | null;
  readonly name: string;
  readonly inSystem: boolean;
}

/** Tracking starts when the document is issued: every recipient PENDING. */
export type DeliveryTrackingStarted = DomainEvent<
  'DeliveryTrackingStarted',
  {
    documentId: string;
    agencyCode: string;
    issuedAt: string;
    recipients: readonly TrackedRecipient[];
    startedAt: string;
    startedBy: PersonRef;
  }
>;

/** A new status of the delivery to one recipient. */
export type DeliveryStatusRecorded = DomainEvent<
  'DeliveryStatusRecorded',
  {
    documentId: string;
    agencyCode: string;
    recipientKey: string;
    recipientAgencyCode: string | null;
    recipientName: string;
    inSystem: boolean;
    status: DeliveryStatus;
    previousStatus: DeliveryStatus;
    /** Exchange status code (`01`…`06`, `13`, `15`, `16`), null for SENT. */
    exchangeCode: string | null;
    note: string;
    /** When it happened at the recipient (or was sent). */
    at: string;
    source: DeliverySource;
    recordedAt: string;
    recordedBy: PersonRef;
  }
>;

export type DeliveryEvent = DeliveryTrackingStarted | DeliveryStatusRecorded;
export type DeliveryEventType = DeliveryEvent['type'];
export const DELIVERY_EVENT_TYPES: readonly DeliveryEventType[] = ['DeliveryTrackingStarted', 'DeliveryStatusRecorded'];
