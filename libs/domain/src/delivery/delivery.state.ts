import type { PersonRef } from '../shared/people';
import type { DeliverySource, DeliveryStatus, MainDeliveryStatus } from './delivery-status';
import type { TrackedRecipient } from './delivery.events';

export interface DeliveryStatusEntry {
  readonly status: DeliveryStatus;
  readonly note: string;
  readonly at: string;
  readonly source: DeliverySource;
  readonly recordedAt: string;
  readonly recordedBy: PersonRef;
}

export interface RecipientDelivery extends TrackedRecipient {
  readonly status: DeliveryStatus;
  /** The main-path status the recipient had reached before a recall request (its processing resumes there after a refusal). */
  readonly mainStatus: MainDeliveryStatus;
  /** Every recorded status, oldest first (PENDING is implied). */
  readonly history: readonly DeliveryStatusEntry[];
}

export type DeliveryState =
  | { readonly status: 'NOT_STARTED' }
  | {
      readonly status: 'TRACKING';
      readonly documentId: string;
      readonly agencyCode: string;
      readonly issuedAt: string;
      readonly recipients: readonly RecipientDelivery[];
    };
