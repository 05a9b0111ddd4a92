import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { CommandResult } from '../common/command-result.type';
import { DocumentIdArgs } from '../incoming/incoming-document.args';
import { HandlerDirectory } from '../incoming/handler-directory';
import { DelegatedAuthority } from '../organisation/delegated-authority';
import { DirectoryQueries } from '../organisation/directory.queries';
import { ReasonArgs, SubmitOutgoingDraftArgs } from './outgoing-document.args';
import { Clock } from './clock';
import { OutgoingDocumentGateway } from './outgoing-document.gateway';
import { CreateOutgoingDraftInput, OutgoingRecipientInput, ReviseOutgoingDraftInput } from './outgoing-draft.input';
import type { AttachmentInput } from '../incoming/receive-incoming-document.input';

/** Drafting (Decree 30 Điều 10–11): the drafter writes and submits, the person who will sign returns or approves. */
@Resolver()
export class OutgoingDraftingResolver {
  constructor(
    private readonly outgoing: OutgoingDocumentGateway,
    private readonly directory: DirectoryQueries,
    private readonly staff: HandlerDirectory,
    private readonly delegation: DelegatedAuthority,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => CommandResult, { description: 'OFFICER and up: a new draft; the result id is the new document’s id' })
  async createOutgoingDraft(@CurrentActor() actor: Principal, @Args('input') input: CreateOutgoingDraftInput): Promise<CommandResult> {
    // Another agency's draft is the decider's refusal (FORBIDDEN); an unknown unit of one's own agency is named here.
    if (input.agencyCode === actor.agencyCode && !(await this.directory.unit(input.agencyCode, input.unitId))) {
      throw new ApiError('NOT_FOUND', `No unit ${input.unitId} in agency ${input.agencyCode}`, { id: input.unitId, field: 'unitId' });
    }
    return this.outgoing.decide(actor, {
      type: 'CreateOutgoingDraft',
      data: {
        documentId: randomUUID(),
        agencyCode: input.agencyCode,
        unitId: input.unitId,
        documentType: input.documentType,
        subject: input.subject,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        recipients: recipientsOf(input.recipients),
        attachments: attachmentsOf(input.attachments),
        replyToDocumentIds: input.replyToDocumentIds,
        paperCopy: input.paperCopy,
        dueDate: input.dueDate ?? null,
      },
    });
  }

  @Mutation(() => CommandResult, { description: 'The drafter: a new version of a draft or of a returned document (omitted fields are kept)' })
  reviseOutgoingDraft(
    @CurrentActor() actor: Principal,
    @Args() { documentId }: DocumentIdArgs,
    @Args('input') input: ReviseOutgoingDraftInput,
  ): Promise<CommandResult> {
    return this.outgoing.decide(actor, {
      type: 'ReviseOutgoingDraft',
      data: {
        documentId,
        documentType: input.documentType ?? undefined,
        subject: input.subject ?? undefined,
        urgency: input.urgency ?? undefined,
        confidentiality: input.confidentiality ?? undefined,
        recipients: input.recipients ? recipientsOf(input.recipients) : undefined,
        attachments: input.attachments ? attachmentsOf(input.attachments) : undefined,
        replyToDocumentIds: input.replyToDocumentIds ?? undefined,
        paperCopy: input.paperCopy ?? undefined,
        dueDate: input.dueDate,
      },
    });
  }

  @Mutation(() => CommandResult, { description: 'The drafter: trình duyệt to the LEADER or UNIT_HEAD who will sign' })
  async submitOutgoingDraft(@CurrentActor() actor: Principal, @Args() { documentId, approverUsername }: SubmitOutgoingDraftArgs): Promise<CommandResult> {
    const approver = await this.staff.staffMember(actor.agencyCode, approverUsername, 'approverUsername');
    return this.outgoing.decide(actor, {
      type: 'SubmitOutgoingDraft',
      data: {
        documentId,
        approverUsername: approver.username,
        approverFullName: approver.fullName,
        approverAgencyCode: approver.agencyCode,
        approverRoles: approver.roles,
      },
    });
  }

  @Mutation(() => CommandResult, { description: 'The approver (or a delegate): returns the draft to the drafter with comments' })
  returnOutgoingDraft(@CurrentActor() actor: Principal, @Args() { documentId, reason }: ReasonArgs): Promise<CommandResult> {
    return this.delegation.forApprover(actor, 'APPROVE_RELEASE', this.clock.now(), (actingFor) =>
      this.outgoing.decide(actor, { type: 'ReturnOutgoingDraft', data: { documentId, reason, onBehalfOf: actingFor?.delegator ?? null } }, actingFor?.metadata),
    );
  }

  @Mutation(() => CommandResult, { description: 'The approver (who will sign), or a delegate: approves the submitted version' })
  approveOutgoingDraft(@CurrentActor() actor: Principal, @Args() { documentId }: DocumentIdArgs): Promise<CommandResult> {
    return this.delegation.forApprover(actor, 'APPROVE_RELEASE', this.clock.now(), (actingFor) =>
      this.outgoing.decide(actor, { type: 'ApproveOutgoingDraft', data: { documentId, onBehalfOf: actingFor?.delegator ?? null } }, actingFor?.metadata),
    );
  }
}

function recipientsOf(inputs: readonly OutgoingRecipientInput[]) {
  return inputs.map(({ agencyCode, name }) => ({ agencyCode: agencyCode ?? null, name }));
}

function attachmentsOf(inputs: readonly AttachmentInput[]) {
  return inputs.map(({ fileName, mediaType, sizeBytes, sha256 }) => ({ fileName, mediaType, sizeBytes, sha256 }));
}
