import type { DomainEvent } from '../shared/decider';

/**
 * Events of the uniqueness stream `incoming_identity-<key>` (streams.ts `incomingIdentityStream`),
 * where key = `incomingIdentityKey(...)`: the receiving agency, the sender, number, notation and issue year.
 * The first registered document to claim a key owns it (Phú Thọ Điều 11.3; Decree 30 Phụ lục VI III.1.h).
 */
export type IncomingIdentityClaimed = DomainEvent<
  'IncomingIdentityClaimed',
  {
    key: string;
    /** The receiving agency (the key's first part). */
    agencyCode: string;
    documentId: string;
    claimedAt: string;
  }
>;

export type IncomingIdentityEvent = IncomingIdentityClaimed;
export type IncomingIdentityEventType = IncomingIdentityEvent['type'];
export const INCOMING_IDENTITY_EVENT_TYPES: readonly IncomingIdentityEventType[] = ['IncomingIdentityClaimed'];
