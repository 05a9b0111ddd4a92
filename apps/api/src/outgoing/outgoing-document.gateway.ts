import { Injectable } from '@nestjs/common';
import type { ActorMetadata } from '@app/command-handling';
import { OutgoingDocumentCommand, outgoingDocumentDecider, outgoingStream } from '@app/domain';
import type { Principal } from '../auth/principal';
import type { CommandResult } from '../common/command-result.type';
import { CommandGateway } from '../commands/command-gateway';
import { Clock } from './clock';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;

/** An outgoing-document command before the gateway adds who acts and when. */
export type OutgoingDocumentRequest = WithoutContext<OutgoingDocumentCommand>;

/** Runs one command on one outgoing document's stream, at the clock's time; the result id is the document id. */
@Injectable()
export class OutgoingDocumentGateway {
  constructor(
    private readonly commands: CommandGateway,
    private readonly clock: Clock,
  ) {}

  /** `onBehalfOf`: the approver a delegate acts for (ApproverDelegation), recorded in the event metadata. */
  decide(actor: Principal, request: OutgoingDocumentRequest, onBehalfOf: ActorMetadata | null = null): Promise<CommandResult> {
    const { documentId } = request.data;
    return this.commands.decide({
      id: documentId,
      streamId: outgoingStream(documentId),
      decider: outgoingDocumentDecider,
      command: { ...request, context: this.commands.context(actor, this.clock.now()) } as OutgoingDocumentCommand,
      onBehalfOf,
    });
  }
}
