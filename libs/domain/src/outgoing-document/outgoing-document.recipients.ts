import { foldForComparison } from '../shared/text';
import type { OutgoingRecipient } from './outgoing-document.events';

/** Prefix of the key of a recipient that has no agency code. */
export const NAMED_RECIPIENT_KEY_PREFIX = 'NAME:';

/**
 * How delivery tracking addresses a recipient (the API's `recipientAgencyCode`): its agency code, or
 * `NAME:` + its name folded (NFC, lower case, single spaces) when it has none. Two recipients of one document
 * never share a key (the decider refuses DUPLICATE_RECIPIENT).
 */
export function recipientKeyOf(recipient: OutgoingRecipient): string {
  return recipient.agencyCode !== null ? recipient.agencyCode : `${NAMED_RECIPIENT_KEY_PREFIX}${foldForComparison(recipient.name)}`;
}
