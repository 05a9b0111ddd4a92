import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { assertHasRole } from '../../auth/roles';
import type { Connection } from '../../common/connection';
import { DocumentStreamReader } from '../document-stream.reader';
import { AccessLogQueries } from './access-log.queries';
import { AccessLogArgs, AccessLogConnection, AccessLogEntry } from './access-log.types';
import { AccessLogWriter } from './access-log.writer';

/** Who read a document: for the agency's AUDITOR and LEADER (api-contract.md "Audit and history"). */
@Resolver()
export class AccessLogResolver {
  constructor(
    private readonly documents: DocumentStreamReader,
    private readonly queries: AccessLogQueries,
    private readonly writer: AccessLogWriter,
  ) {}

  @Query(() => AccessLogConnection, { description: 'Who read the document, when, what and from where; newest first (AUDITOR, LEADER)' })
  async accessLog(@CurrentActor() actor: Principal, @Args() args: AccessLogArgs): Promise<Connection<AccessLogEntry>> {
    assertHasRole(actor, ['AUDITOR', 'LEADER'], 'The access log');
    await this.documents.readFor(actor, args.documentId);
    // Reads recorded a moment ago may still be queued; the log answers with them.
    await this.writer.flush();
    return this.queries.page(args);
  }
}
