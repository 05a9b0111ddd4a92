import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { AgencyDeadlines } from '@app/agency-calendars';
import { toVietnamIso } from '@app/working-time';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { badUserInput } from '../common/api-error';
import { CommandResult } from '../common/command-result.type';
import { Role } from '../common/enums';
import { CommandGateway } from '../commands/command-gateway';
import { HandlerDirectory } from './handler-directory';
import {
  DocumentIdArgs,
  LinkPaperCopyArgs,
  PresentIncomingDocumentArgs,
  ReceiveRecallRequestArgs,
  RegisterIncomingDocumentArgs,
  RejectIncomingDocumentArgs,
} from './incoming-document.args';
import { IncomingDocumentGateway } from './incoming-document.gateway';
import { LinkPaperCopyCommand } from './link-paper-copy.use-case';
import { ReceiveIncomingDocumentInput } from './receive-incoming-document.input';
import { RegisterIncomingDocumentCommand } from './register-incoming-document.use-case';

/** The clerk's side of incoming documents: receipt, registration, presentation, rejection and recall. */
@Resolver()
export class IncomingIntakeResolver {
  constructor(
    private readonly incoming: IncomingDocumentGateway,
    private readonly commands: CommandGateway,
    private readonly deadlines: AgencyDeadlines,
    private readonly directory: HandlerDirectory,
  ) {}

  @Mutation(() => CommandResult, { description: "CLERK: records a document that reached the clerk's agency; the result id is the new document's id" })
  receiveIncomingDocument(@CurrentActor() actor: Principal, @Args('input') input: ReceiveIncomingDocumentInput): Promise<CommandResult> {
    const now = new Date();
    const receivedAt = toVietnamIso(input.receivedAt ?? now);
    return this.incoming.decide(
      actor,
      {
        type: 'ReceiveIncomingDocument',
        data: {
          documentId: randomUUID(),
          agencyCode: actor.agencyCode,
          channel: input.channel,
          sender: { agencyCode: input.sender.agencyCode ?? null, name: input.sender.name },
          codeNumber: input.codeNumber,
          codeNotation: input.codeNotation,
          issuedDate: input.issuedDate,
          documentType: input.documentType,
          subject: input.subject,
          signer: { fullName: input.signer.fullName, position: input.signer.position },
          urgency: input.urgency,
          confidentiality: input.confidentiality,
          dueDate: input.dueDate ?? null,
          attachments: input.attachments.map(({ fileName, mediaType, sizeBytes, sha256 }) => ({ fileName, mediaType, sizeBytes, sha256 })),
          receivedAt,
          ...this.deadlines.receipt(actor.agencyCode, receivedAt, input.channel, input.urgency),
        },
      },
      now,
    );
  }

  @Mutation(() => CommandResult, {
    description: 'CLERK: vào sổ, gives the document the next arrival number of the register; a duplicate of a registered document is DUPLICATE_DOCUMENT',
  })
  registerIncomingDocument(
    @CurrentActor() actor: Principal,
    @Args() { documentId, registerCode, commandId }: RegisterIncomingDocumentArgs,
  ): Promise<CommandResult> {
    return this.commands.execute(new RegisterIncomingDocumentCommand(actor, documentId, registerCode, commandId ?? randomUUID()));
  }

  @Mutation(() => CommandResult, { description: 'CLERK: records this paper document as the copy of a registered electronic original, sharing its number' })
  linkPaperCopy(@CurrentActor() actor: Principal, @Args() { documentId, originalDocumentId }: LinkPaperCopyArgs): Promise<CommandResult> {
    return this.commands.execute(new LinkPaperCopyCommand(actor, documentId, originalDocumentId));
  }

  @Mutation(() => CommandResult, { description: 'CLERK: returns a document to its sender before registration (Phú Yên Điều 5.6)' })
  rejectIncomingDocument(@CurrentActor() actor: Principal, @Args() { documentId, reason, note }: RejectIncomingDocumentArgs): Promise<CommandResult> {
    return this.incoming.decide(actor, { type: 'RejectIncomingDocument', data: { documentId, reason, note } });
  }

  @Mutation(() => CommandResult, { description: "CLERK: trình, puts a registered document before a LEADER of the agency" })
  async presentIncomingDocument(
    @CurrentActor() actor: Principal,
    @Args() { documentId, leaderUsername }: PresentIncomingDocumentArgs,
  ): Promise<CommandResult> {
    const leader = await this.directory.staffMember(actor.agencyCode, leaderUsername, 'leaderUsername');
    if (!leader.roles.includes(Role.LEADER)) throw badUserInput(`${leaderUsername} is not a LEADER of the agency`, 'leaderUsername');
    return this.incoming.decide(actor, {
      type: 'PresentIncomingDocument',
      data: { documentId, leaderUsername: leader.username, leaderFullName: leader.fullName },
    });
  }

  @Mutation(() => CommandResult, { description: 'CLERK: records a recall request from a sender outside the system' })
  receiveRecallRequest(@CurrentActor() actor: Principal, @Args() { documentId, reason }: ReceiveRecallRequestArgs): Promise<CommandResult> {
    return this.incoming.decide(actor, { type: 'ReceiveRecallRequest', data: { documentId, reason } });
  }

  @Mutation(() => CommandResult, { description: "CLERK: applies the sender's recall; the document becomes RECALLED" })
  acknowledgeRecall(@CurrentActor() actor: Principal, @Args() { documentId }: DocumentIdArgs): Promise<CommandResult> {
    return this.incoming.decide(actor, { type: 'AcknowledgeRecall', data: { documentId } });
  }
}
