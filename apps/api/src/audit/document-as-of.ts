import { instantMillis, isIsoInstant } from '@app/domain';
import type { RecordedEvent, Upcasters } from '@app/event-store';
import type { DocumentStream } from './document-stream.reader';

export interface StateAsOf {
  /** The state the decider held after the last event folded. */
  readonly state: { readonly status: string };
  readonly revision: bigint;
  readonly lastEventAt: string | null;
}

/** When the event happened: its metadata's occurredAt (the command's time), else when the store recorded it. */
function happenedAt(event: RecordedEvent): number {
  const occurredAt = event.metadata.occurredAt;
  return isIsoInstant(occurredAt) ? instantMillis(occurredAt) : event.recordedAt.getTime();
}

/**
 * The document at instant `at`: the stream's events up to the first one that happened after `at`, in
 * stream order, upcast and folded by the write side's own `evolve` (the audit has no rules of its own).
 * Stopping at the first later event (rather than skipping it) keeps the fold a prefix of the stream,
 * which is the only sequence the decider ever saw. Null when nothing had happened yet.
 */
export function stateAsOf(stream: DocumentStream, at: string, upcasters: Upcasters): StateAsOf | null {
  const limit = instantMillis(at);
  const end = stream.events.findIndex((event) => happenedAt(event) > limit);
  const folded = end === -1 ? stream.events : stream.events.slice(0, end);
  if (folded.length === 0) return null;
  const current = folded.map((event) => upcasters.upcast(event));
  const last = folded[folded.length - 1];
  return {
    state: stream.kind.fold(current.map(({ type, data }) => ({ type, data }))),
    revision: last.revision,
    lastEventAt: isIsoInstant(last.metadata.occurredAt) ? last.metadata.occurredAt : null,
  };
}
