import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import { notFound } from '../common/api-error';
import type { Connection } from '../common/connection';
import { Clock } from './clock';
import { OutgoingDocumentQueries } from './outgoing-document.queries';
import { OutgoingDocument } from './outgoing-document.type';
import { OutgoingDocumentArgs, OutgoingRegisterArgs } from './outgoing-register.args';
import { OutgoingRegisterConnection, OutgoingRegisterEntry } from './outgoing-register.type';

/** Reads of outgoing documents: one document, and the outgoing register (your own agency only). */
@Resolver(() => OutgoingDocument)
export class OutgoingDocumentsResolver {
  constructor(
    private readonly queries: OutgoingDocumentQueries,
    private readonly clock: Clock,
  ) {}

  @Query(() => OutgoingDocument, { description: 'An outgoing document of your agency (NOT_FOUND for an unknown id)' })
  async outgoingDocument(@CurrentActor() actor: Principal, @Args() { id }: OutgoingDocumentArgs): Promise<OutgoingDocument> {
    const document = await this.queries.document(id, this.clock.now());
    if (!document) throw notFound('Outgoing document', id);
    assertCanReadAgency(actor, document.agencyCode);
    return document;
  }

  @Query(() => OutgoingRegisterConnection, { description: 'Sổ đăng ký văn bản đi: the numbered documents of a register and year, by number' })
  outgoingRegister(@CurrentActor() actor: Principal, @Args() args: OutgoingRegisterArgs): Promise<Connection<OutgoingRegisterEntry>> {
    assertCanReadAgency(actor, args.agencyCode);
    return this.queries.register(args);
  }
}
