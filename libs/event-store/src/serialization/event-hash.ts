import { hash } from 'node:crypto';
import type { JsonObject } from '../event-store.port';
import { canonicalJson } from './canonical-json';

export interface HashedEventFields {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: JsonObject;
  /** A `hash` member, if present, is left out: an event's hash cannot cover itself. */
  readonly metadata: JsonObject;
  readonly previousHash: string | null;
}

/** SHA-256 (hex) over the canonical JSON of the event's identity, content and predecessor's hash. */
export function computeEventHash(event: HashedEventFields): string {
  const { hash: _hash, ...metadata } = event.metadata;
  const hashed = {
    streamId: event.streamId,
    // JSON has no bigint; a decimal string keeps revisions beyond 2^53 exact.
    revision: event.revision.toString(),
    type: event.type,
    data: event.data,
    metadata,
    previousHash: event.previousHash,
  };
  // The one-shot hash: every append computes one per event, and it skips building a Hash object.
  return hash('sha256', canonicalJson(hashed), 'hex');
}
