import type { NewEvent, RecordedEvent } from '../event-store.port';
import { computeEventHash } from './event-hash';

/**
 * Chains events about to be appended at `firstRevision`: each one's metadata gets the hash of its
 * predecessor (`previousHash`, null for a stream's first event) and its own `hash`.
 */
export function sealEvents(
  streamId: string,
  firstRevision: bigint,
  previousHash: string | null,
  events: readonly NewEvent[],
): NewEvent[] {
  let previous = previousHash;
  return events.map((event, index) => {
    const metadata = { ...event.metadata, previousHash: previous };
    const hash = computeEventHash({
      streamId,
      revision: firstRevision + BigInt(index),
      type: event.type,
      data: event.data,
      metadata,
      previousHash: previous,
    });
    previous = hash;
    return { eventId: event.eventId, type: event.type, data: event.data, metadata: { ...metadata, hash } };
  });
}

export interface ChainVerification {
  readonly valid: boolean;
  readonly eventCount: number;
  /** The first revision whose event was altered, removed, reordered or inserted; null when valid. */
  readonly brokenAtRevision: bigint | null;
}

/**
 * Recomputes the chain over events as stored (before any upcasting, which changes what was hashed),
 * in revision order. A chain starting at revision 0 must start from a null previousHash; a later
 * slice is anchored on the previousHash its first event states.
 */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerification {
  const broken = (revision: bigint): ChainVerification => ({ valid: false, eventCount: events.length, brokenAtRevision: revision });
  if (events.length === 0) return { valid: true, eventCount: 0, brokenAtRevision: null };
  const anchor = events[0].revision === 0n ? null : events[0].metadata.previousHash;
  if (anchor !== null && typeof anchor !== 'string') return broken(events[0].revision);
  let previous: string | null = anchor;
  let expectedRevision = events[0].revision;
  for (const event of events) {
    const { hash, previousHash } = event.metadata;
    const intact =
      event.revision === expectedRevision &&
      previousHash === previous &&
      typeof hash === 'string' &&
      hash === computeEventHash({ ...event, previousHash: previous });
    if (!intact) return broken(event.revision);
    previous = hash;
    expectedRevision += 1n;
  }
  return { valid: true, eventCount: events.length, brokenAtRevision: null };
}
