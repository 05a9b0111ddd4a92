import { Injectable } from '@nestjs/common';
import type { ActorMetadata } from '@app/command-handling';
import { IncomingDocumentCommand, incomingDocumentDecider, incomingStream } from '@app/domain';
import type { Principal } from '../auth/principal';
import type { CommandResult } from '../common/command-result.type';
import { CommandGateway } from '../commands/command-gateway';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;

/** An incoming-document command before the gateway adds who acts and when. */
export type IncomingDocumentRequest = WithoutContext<IncomingDocumentCommand>;

/** Runs one command on one incoming document's stream; the result id is the document id. */
@Injectable()
export class IncomingDocumentGateway {
  constructor(private readonly commands: CommandGateway) {}

  /** `onBehalfOf`: the leader a delegate acts for (DelegatedAuthority), recorded in the event metadata. */
  decide(actor: Principal, request: IncomingDocumentRequest, now: Date = new Date(), onBehalfOf: ActorMetadata | null = null): Promise<CommandResult> {
    const { documentId } = request.data;
    return this.commands.decide({
      id: documentId,
      streamId: incomingStream(documentId),
      decider: incomingDocumentDecider,
      command: { ...request, context: this.commands.context(actor, now) } as IncomingDocumentCommand,
      onBehalfOf,
    });
  }
}
