import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { staffAccountDecider, staffStream } from '@app/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import { notFound } from '../common/api-error';
import { CommandResult } from '../common/command-result.type';
import { CommandGateway } from '../commands/command-gateway';
import { HandlerDirectory } from '../incoming/handler-directory';
import { DelegationQueries } from './delegations.queries';
import { Delegation, DelegationsArgs, GrantDelegationInput, RevokeDelegationArgs } from './delegation.types';

/**
 * Ủy quyền (Khánh Hòa S0 Điều 15.4; Decree 30 Điều 13): a LEADER or UNIT_HEAD lets another staff member of the
 * agency assign incoming documents, approve drafts for release or sign in their place, in writing and for a period; the delegate's actions
 * record the delegator as `onBehalfOf`. Nobody delegates someone else's authority, so a delegate cannot pass it on.
 */
@Resolver(() => Delegation)
export class DelegationResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly staff: HandlerDirectory,
    private readonly delegations: DelegationQueries,
  ) {}

  @Mutation(() => CommandResult, { description: 'LEADER or UNIT_HEAD: delegates some of their own authority; the result id is the delegation id' })
  async grantDelegation(@CurrentActor() actor: Principal, @Args('input') input: GrantDelegationInput): Promise<CommandResult> {
    const delegate = await this.staff.staffMember(actor.agencyCode, input.delegateUsername, 'delegateUsername');
    const delegationId = randomUUID();
    return this.commands.decide({
      id: delegationId,
      streamId: staffStream(actor.username),
      decider: staffAccountDecider,
      command: {
        type: 'GrantDelegation',
        data: {
          username: actor.username,
          delegationId,
          delegate: { username: delegate.username, fullName: delegate.fullName },
          actions: input.actions,
          validFrom: input.validFrom,
          validTo: input.validTo,
          basis: input.basis,
        },
        context: this.commands.context(actor),
      },
    });
  }

  @Mutation(() => CommandResult, { description: 'The delegator or an ADMIN of the agency: ends a delegation now' })
  async revokeDelegation(@CurrentActor() actor: Principal, @Args() { delegationId, reason }: RevokeDelegationArgs): Promise<CommandResult> {
    const found = await this.delegations.delegatorOf(delegationId);
    if (!found || found.agencyCode !== actor.agencyCode) throw notFound('Delegation', delegationId);
    return this.commands.decide({
      id: delegationId,
      streamId: staffStream(found.delegator),
      decider: staffAccountDecider,
      command: { type: 'RevokeDelegation', data: { username: found.delegator, delegationId, reason }, context: this.commands.context(actor) },
    });
  }

  @Query(() => [Delegation], { name: 'delegations', description: 'The delegations of your agency, newest first' })
  delegationsOf(@CurrentActor() actor: Principal, @Args() { agencyCode, activeOnly }: DelegationsArgs): Promise<Delegation[]> {
    assertCanReadAgency(actor, agencyCode);
    return this.delegations.ofAgency(agencyCode, activeOnly, new Date());
  }
}
