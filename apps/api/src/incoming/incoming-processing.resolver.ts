import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AgencyDeadlines } from '@app/agency-calendars';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { CommandResult } from '../common/command-result.type';
import { DelegatedAuthority } from '../organisation/delegated-authority';
import { AssignIncomingDocumentInput, ForwardAssignmentInput } from './assignment.input';
import { HandlerDirectory } from './handler-directory';
import { CompleteIncomingDocumentArgs, DocumentIdArgs, ExtendDeadlineArgs, ReportProgressArgs } from './incoming-document.args';
import { IncomingDocumentGateway } from './incoming-document.gateway';

/** The handling of a registered document: directive, forwarding down the hierarchy, processing, deadlines. */
@Resolver()
export class IncomingProcessingResolver {
  constructor(
    private readonly incoming: IncomingDocumentGateway,
    private readonly deadlines: AgencyDeadlines,
    private readonly directory: HandlerDirectory,
    private readonly delegation: DelegatedAuthority,
  ) {}

  @Mutation(() => CommandResult, {
    description: "LEADER or UNIT_HEAD, or their delegate (or the CLERK right after registering): phân công with exactly one LEAD and the bút phê",
  })
  async assignIncomingDocument(
    @CurrentActor() actor: Principal,
    @Args() { documentId }: DocumentIdArgs,
    @Args('input') input: AssignIncomingDocumentInput,
  ): Promise<CommandResult> {
    const now = new Date();
    const assignees = await Promise.all(
      input.assignees.map(async (assignee, index) => ({
        role: assignee.role,
        ...(await this.directory.handler(actor.agencyCode, assignee, `assignees.${index}`)),
        deadline: assignee.deadline ?? null,
      })),
    );
    return this.delegation.forLeader(actor, 'ASSIGN', now, (actingFor) =>
      this.incoming.decide(
        actor,
        {
          type: 'AssignIncomingDocument',
          data: {
            documentId,
            assignees,
            instruction: input.instruction,
            deadline: input.deadline ?? this.deadlines.defaultProcessingDeadline(actor.agencyCode, now),
            onBehalfOf: actingFor?.delegator ?? null,
          },
        },
        now,
        actingFor?.metadata,
      ),
    );
  }

  @Mutation(() => CommandResult, { description: "The lead's UNIT_HEAD or a LEADER: chuyển xử lý, hands the lead on to a person or unit" })
  async forwardAssignment(
    @CurrentActor() actor: Principal,
    @Args() { documentId }: DocumentIdArgs,
    @Args('input') input: ForwardAssignmentInput,
  ): Promise<CommandResult> {
    const to = await this.directory.handler(actor.agencyCode, input);
    return this.incoming.decide(actor, {
      type: 'ForwardAssignment',
      data: { documentId, to, instruction: input.instruction, deadline: input.deadline ?? null },
    });
  }

  @Mutation(() => CommandResult, { description: 'The LEAD assignee: starts processing' })
  startProcessing(@CurrentActor() actor: Principal, @Args() { documentId }: DocumentIdArgs): Promise<CommandResult> {
    return this.incoming.decide(actor, { type: 'StartProcessing', data: { documentId } });
  }

  @Mutation(() => CommandResult, { description: 'The LEAD assignee: records progress' })
  reportProgress(@CurrentActor() actor: Principal, @Args() { documentId, note }: ReportProgressArgs): Promise<CommandResult> {
    return this.incoming.decide(actor, { type: 'ReportProgress', data: { documentId, note } });
  }

  @Mutation(() => CommandResult, { description: 'The LEAD assignee: completes the document, with the reply document if any' })
  completeIncomingDocument(
    @CurrentActor() actor: Principal,
    @Args() { documentId, result, replyDocumentId }: CompleteIncomingDocumentArgs,
  ): Promise<CommandResult> {
    return this.incoming.decide(actor, { type: 'CompleteIncomingDocument', data: { documentId, result, replyDocumentId: replyDocumentId ?? null } });
  }

  @Mutation(() => CommandResult, { description: 'LEADER or UNIT_HEAD: gia hạn, a later deadline with its reason; the original deadline is kept' })
  extendDeadline(@CurrentActor() actor: Principal, @Args() { documentId, deadline, reason }: ExtendDeadlineArgs): Promise<CommandResult> {
    return this.incoming.decide(actor, { type: 'ExtendDeadline', data: { documentId, deadline, reason } });
  }
}
