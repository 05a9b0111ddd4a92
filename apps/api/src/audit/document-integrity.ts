import { ChainVerification, RecordedEvent, verifyChain } from '@app/event-store';

/**
 * verifyChain on a whole stream as stored. verifyChain accepts a slice anchored on its first event's
 * previousHash; a whole stream must start at revision 0, or its first events were removed.
 */
export function verifyWholeStream(events: readonly RecordedEvent[]): ChainVerification {
  if (events.length > 0 && events[0].revision !== 0n) return { valid: false, eventCount: events.length, brokenAtRevision: 0n };
  return verifyChain(events);
}
