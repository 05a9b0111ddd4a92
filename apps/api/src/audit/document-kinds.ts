import {
  Command,
  Decider,
  DomainEvent,
  fold,
  INCOMING_DOCUMENT_EVENT_TYPES,
  incomingDocumentDecider,
  incomingStream,
  OUTGOING_DOCUMENT_EVENT_TYPES,
  outgoingDocumentDecider,
  outgoingStream,
} from '@app/domain';
import { summarizeIncomingEvent } from './event-summary/incoming-event-summary';
import { summarizeOutgoingEvent } from './event-summary/outgoing-event-summary';

export type DocumentKindName = 'INCOMING' | 'OUTGOING';

/** What the audit needs of one kind of document: where its events are, how to fold and how to read them. */
export interface DocumentKind {
  readonly name: DocumentKindName;
  streamId(documentId: string): string;
  /** The state after `events` (current payloads, in stream order), by the write side's own `evolve`. */
  fold(events: readonly DomainEvent[]): { readonly status: string };
  /** A sentence for the event, or null for a type this kind does not know. */
  summarize(event: DomainEvent, by: string): string | null;
}

interface KindSpec<E extends DomainEvent, S extends { readonly status: string }> {
  readonly name: DocumentKindName;
  readonly streamId: (documentId: string) => string;
  readonly decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>;
  readonly eventTypes: readonly E['type'][];
  readonly summarize: (event: E, by: string) => string;
}

function documentKind<E extends DomainEvent, S extends { readonly status: string }>(spec: KindSpec<E, S>): DocumentKind {
  const known = new Set<string>(spec.eventTypes);
  return {
    name: spec.name,
    streamId: spec.streamId,
    // As the command handler does: stored events are the decider's events once upcast.
    fold: (events) => fold(spec.decider, events as readonly E[]),
    summarize: (event, by) => (known.has(event.type) ? spec.summarize(event as E, by) : null),
  };
}

/** The document aggregates, by stream category; a document id names a stream in exactly one of them. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  documentKind({
    name: 'INCOMING',
    streamId: incomingStream,
    decider: incomingDocumentDecider,
    eventTypes: INCOMING_DOCUMENT_EVENT_TYPES,
    summarize: summarizeIncomingEvent,
  }),
  documentKind({
    name: 'OUTGOING',
    streamId: outgoingStream,
    decider: outgoingDocumentDecider,
    eventTypes: OUTGOING_DOCUMENT_EVENT_TYPES,
    summarize: summarizeOutgoingEvent,
  }),
];
