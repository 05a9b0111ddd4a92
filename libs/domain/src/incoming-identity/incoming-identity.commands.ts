import type { Command } from '../shared/decider';

/**
 * CLERK of `agencyCode`, while registering `documentId`: the key must start with the agency's code
 * (`incomingIdentityKey`). Claimed by another document → DUPLICATE_DOCUMENT; by the same one → no event.
 */
export type ClaimIncomingIdentity = Command<
  'ClaimIncomingIdentity',
  {
    key: string;
    agencyCode: string;
    documentId: string;
  }
>;

export type IncomingIdentityCommand = ClaimIncomingIdentity;
