import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { outgoingDocumentDecider, outgoingStream } from '@app/domain';
import { CommandHandler } from '@app/command-handling';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/api-error';
import { CommandResult } from '../common/command-result.type';
import { CommandGateway } from '../commands/command-gateway';
import { DocumentIdArgs } from '../incoming/incoming-document.args';
import { HandlerDirectory } from '../incoming/handler-directory';
import { AgencyDirectory } from './agency-directory';
import { DelegatedAuthority } from '../organisation/delegated-authority';
import { Clock } from './clock';
import { IssueDeadline } from './issue-deadline';
import { NumberOutgoingDocumentCommand } from './number-outgoing-document.use-case';
import { AgencySignatureInput, NumberOutgoingDocumentArgs, ReasonArgs, SignatureInput } from './outgoing-document.args';
import { OutgoingDocumentGateway } from './outgoing-document.gateway';

/** From signature to release (Decree 30 Điều 13–18): sign, number, agency signature, issue, recall. */
@Resolver()
export class OutgoingReleaseResolver {
  constructor(
    private readonly outgoing: OutgoingDocumentGateway,
    private readonly commands: CommandGateway,
    private readonly handler: CommandHandler,
    private readonly staff: HandlerDirectory,
    private readonly agencies: AgencyDirectory,
    private readonly issueDeadline: IssueDeadline,
    private readonly clock: Clock,
    private readonly delegation: DelegatedAuthority,
  ) {}

  @Mutation(() => CommandResult, { description: 'The approver (or a delegate): ký số on the approved main file; sets when it must be issued' })
  async signOutgoingDocument(
    @CurrentActor() actor: Principal,
    @Args() { documentId }: DocumentIdArgs,
    @Args('signature') signature: SignatureInput,
  ): Promise<CommandResult> {
    const document = await this.document(documentId);
    const signer = await this.staff.staffMember(actor.agencyCode, actor.username, 'signature');
    return this.delegation.forApprover(actor, 'SIGN', this.clock.now(), (actingFor) =>
      this.outgoing.decide(
        actor,
        {
          type: 'SignOutgoingDocument',
          data: {
            documentId,
            competence: signature.competence,
            certificateSerial: signature.certificateSerial,
            signedAt: signature.signedAt,
            documentSha256: signature.documentSha256,
            signerPosition: signer.position,
            issueDueAt: this.issueDeadline.issueDueAt(document.agencyCode, signature.signedAt, document.draft.urgency),
            onBehalfOf: actingFor?.delegator ?? null,
          },
        },
        actingFor?.metadata,
      ),
    );
  }

  @Mutation(() => CommandResult, {
    description: 'CLERK: cấp số, the next number of the OUTGOING register of this year, the notation and the document identifier',
  })
  numberOutgoingDocument(
    @CurrentActor() actor: Principal,
    @Args() { documentId, registerCode, commandId }: NumberOutgoingDocumentArgs,
  ): Promise<CommandResult> {
    return this.commands.execute(new NumberOutgoingDocumentCommand(actor, documentId, registerCode, commandId ?? randomUUID(), this.clock.now()));
  }

  @Mutation(() => CommandResult, { description: "CLERK: the agency's digital signature, only on the file the signer signed (else SIGNATURE_ORDER)" })
  applyAgencySignature(
    @CurrentActor() actor: Principal,
    @Args() { documentId }: DocumentIdArgs,
    @Args('signature') signature: AgencySignatureInput,
  ): Promise<CommandResult> {
    const { certificateSerial, signedAt, documentSha256 } = signature;
    return this.outgoing.decide(actor, { type: 'ApplyAgencySignature', data: { documentId, certificateSerial, signedAt, documentSha256 } });
  }

  @Mutation(() => CommandResult, {
    description: 'CLERK: phát hành to every recipient; agencies of this system receive it as an INTERCONNECT incoming document',
  })
  async issueOutgoingDocument(@CurrentActor() actor: Principal, @Args() { documentId }: DocumentIdArgs): Promise<CommandResult> {
    const document = await this.document(documentId);
    const codes = document.draft.recipients.flatMap(({ agencyCode }) => (agencyCode === null ? [] : [agencyCode]));
    const [agency, recipientsInSystem] = await Promise.all([this.agencies.agency(document.agencyCode), this.agencies.inSystem(codes)]);
    return this.outgoing.decide(actor, { type: 'IssueOutgoingDocument', data: { documentId, agencyName: agency.name, recipientsInSystem } });
  }

  @Mutation(() => CommandResult, { description: 'CLERK or LEADER: thu hồi an issued document; recipients in this system are asked to give it back' })
  recallOutgoingDocument(@CurrentActor() actor: Principal, @Args() { documentId, reason }: ReasonArgs): Promise<CommandResult> {
    return this.outgoing.decide(actor, { type: 'RecallOutgoingDocument', data: { documentId, reason } });
  }

  /** The document as its stream says now (the facts a command needs must not lag like a read model). */
  private async document(documentId: string) {
    const { state } = await this.handler.state(outgoingStream(documentId), outgoingDocumentDecider);
    if (state.status === 'NONE') throw notFound('Outgoing document', documentId);
    return state.document;
  }
}
