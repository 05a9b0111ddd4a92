import { Args, Query, Resolver } from '@nestjs/graphql';
import { AccessLog } from '../audit/access-log/access-log';
import { AccessKind } from '../audit/access-log/access-log.types';
import { ReadOrigin, type RequestOrigin } from '../audit/access-log/request-origin';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import type { Connection } from '../common/connection';
import { IncomingDocumentQueries } from './incoming-document.queries';
import { IncomingDocument, IncomingDocumentConnection } from './incoming-document.type';
import { IncomingDocumentArgs, IncomingRegisterArgs } from './incoming-register.args';

/** Reads of incoming documents: one document, and the incoming register (your own agency only). */
@Resolver(() => IncomingDocument)
export class IncomingDocumentsResolver {
  constructor(
    private readonly queries: IncomingDocumentQueries,
    private readonly accessLog: AccessLog,
  ) {}

  @Query(() => IncomingDocument, { nullable: true, description: 'An incoming document of your agency; null when there is none with this id' })
  async incomingDocument(
    @CurrentActor() actor: Principal,
    @Args() { id }: IncomingDocumentArgs,
    @ReadOrigin() origin: RequestOrigin,
  ): Promise<IncomingDocument | null> {
    const document = await this.queries.document(id);
    if (document) assertCanReadAgency(actor, document.agencyCode);
    if (document) this.accessLog.recordRead(actor, document.id, AccessKind.DETAIL, origin);
    return document;
  }

  @Query(() => IncomingDocumentConnection, { description: 'Sổ văn bản đến: the documents of a register and year by arrival number' })
  incomingRegister(@CurrentActor() actor: Principal, @Args() args: IncomingRegisterArgs): Promise<Connection<IncomingDocument>> {
    assertCanReadAgency(actor, args.agencyCode);
    return this.queries.register(args);
  }
}
