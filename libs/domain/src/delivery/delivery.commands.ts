import type { Command } from '../shared/decider';
import type { DeliverySource, DeliveryStatus } from './delivery-status';

export interface RecipientToTrack {
  readonly agencyCode: string | null;
  readonly name: string;
  readonly inSystem: boolean;
}

/**
 * CLERK of `agencyCode` (the issue handler, or the process manager on `OutgoingDocumentIssued`; see
 * `startDeliveryTrackingData`). Starting again with the same recipients records nothing.
 */
export type StartDeliveryTracking = Command<
  'StartDeliveryTracking',
  { documentId: string; agencyCode: string; issuedAt: string; recipients: readonly RecipientToTrack[] }
>;

/**
 * CLERK of the sending agency. `source` MANUAL (the `recordDeliveryStatus` mutation) only for a recipient outside
 * the system; INTERCONNECT (the process manager, acting as a system actor with the CLERK role) only for one inside.
 * A status the recipient already had records nothing; going backwards is INVALID_TRANSITION, except along the
 * recall branch.
 */
export type RecordDeliveryStatus = Command<
  'RecordDeliveryStatus',
  {
    documentId: string;
    /** The recipient's agency code, or the `NAME:` key of a recipient without code (`recipientKeyOf`). */
    recipientAgencyCode: string;
    status: DeliveryStatus;
    note: string;
    /** When it happened, not later than now and not before the issue. */
    at: string;
    source: DeliverySource;
  }
>;

export type DeliveryCommand = StartDeliveryTracking | RecordDeliveryStatus;
