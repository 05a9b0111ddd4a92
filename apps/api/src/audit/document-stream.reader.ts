import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@app/event-store';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import { notFound } from '../common/api-error';
import { EVENT_STORE } from '../runtime/tokens';
import { DOCUMENT_KINDS, DocumentKind } from './document-kinds';

export interface DocumentStream {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly streamId: string;
  /** As stored: not upcast, so the hash chain can be verified on them. */
  readonly events: readonly RecordedEvent[];
}

/**
 * Reads a document's stream straight from the event store (not a read model), so auditors see exactly
 * what is stored. A document stream is short (tens of events), so it is read whole.
 */
@Injectable()
export class DocumentStreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The stream, once the actor may read it: NOT_FOUND for an unknown id, FORBIDDEN for another agency's document. */
  async readFor(actor: Principal, documentId: string): Promise<DocumentStream> {
    for (const kind of DOCUMENT_KINDS) {
      const streamId = kind.streamId(documentId);
      const events: RecordedEvent[] = [];
      for await (const event of this.store.readStream(streamId)) events.push(event);
      if (events.length === 0) continue;
      assertCanReadAgency(actor, owningAgency(events[0]));
      return { documentId, kind, streamId, events };
    }
    throw notFound('Document', documentId);
  }
}

/** Every document event carries the owning agency's code in its data; the first one decides. */
function owningAgency(first: RecordedEvent): string {
  const agencyCode = first.data.agencyCode;
  return typeof agencyCode === 'string' ? agencyCode : '';
}
