import { Args, Query, Resolver } from '@nestjs/graphql';
import { Upcasters } from '@app/event-store';
import { toVietnamIso } from '@app/working-time';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { DocumentIdArgs } from '../incoming/incoming-document.args';
import { AccessLog } from './access-log/access-log';
import { AccessKind } from './access-log/access-log.types';
import { ReadOrigin, type RequestOrigin } from './access-log/request-origin';
import { stateAsOf } from './document-as-of';
import { verifyWholeStream } from './document-integrity';
import { DocumentAsOfArgs, DocumentHistoryEvent, DocumentHistoryVerification, DocumentSnapshot } from './document-history.types';
import { DocumentStreamReader } from './document-stream.reader';
import { toHistoryEvent } from './history-event';

/**
 * A document's full history, its state at any instant and the integrity of its hash chain, read from the
 * event store itself (api-contract.md "Audit and history"). Any staff member of the document's agency
 * may read them; every read goes to the access log.
 */
@Resolver()
export class DocumentHistoryResolver {
  constructor(
    private readonly documents: DocumentStreamReader,
    private readonly upcasters: Upcasters,
    private readonly accessLog: AccessLog,
  ) {}

  @Query(() => [DocumentHistoryEvent], { description: 'Every event of the document in order, as stored, with a readable summary' })
  async documentHistory(@CurrentActor() actor: Principal, @Args() { documentId }: DocumentIdArgs, @ReadOrigin() origin: RequestOrigin): Promise<DocumentHistoryEvent[]> {
    const stream = await this.documents.readFor(actor, documentId);
    this.accessLog.recordRead(actor, documentId, AccessKind.HISTORY, origin);
    return stream.events.map((event) => toHistoryEvent(stream.kind, event, this.upcasters));
  }

  @Query(() => DocumentSnapshot, { nullable: true, description: 'The document as it was at `at`; null when it did not exist yet' })
  async documentAsOf(@CurrentActor() actor: Principal, @Args() { documentId, at }: DocumentAsOfArgs, @ReadOrigin() origin: RequestOrigin): Promise<DocumentSnapshot | null> {
    const stream = await this.documents.readFor(actor, documentId);
    this.accessLog.recordRead(actor, documentId, AccessKind.AS_OF, origin);
    const asOf = stateAsOf(stream, at, this.upcasters);
    if (asOf === null) return null;
    return {
      documentId,
      kind: stream.kind.name,
      asOf: toVietnamIso(at),
      revision: Number(asOf.revision),
      lastEventAt: asOf.lastEventAt,
      status: asOf.state.status,
      state: asOf.state,
    };
  }

  @Query(() => DocumentHistoryVerification, { description: "Recomputes the document's hash chain from the stored events" })
  async verifyDocumentHistory(
    @CurrentActor() actor: Principal,
    @Args() { documentId }: DocumentIdArgs,
    @ReadOrigin() origin: RequestOrigin,
  ): Promise<DocumentHistoryVerification> {
    const stream = await this.documents.readFor(actor, documentId);
    this.accessLog.recordRead(actor, documentId, AccessKind.VERIFICATION, origin);
    const verification = verifyWholeStream(stream.events);
    const last = stream.events[stream.events.length - 1];
    return {
      documentId,
      streamId: stream.streamId,
      valid: verification.valid,
      eventCount: verification.eventCount,
      brokenAtRevision: verification.brokenAtRevision === null ? null : Number(verification.brokenAtRevision),
      lastHash: typeof last.metadata.hash === 'string' ? last.metadata.hash : null,
    };
  }
}
