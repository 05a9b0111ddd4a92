import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { AgencyState, agencyDecider, agencyStream, staffAccountDecider, staffStream } from '@app/domain';

type RegisteredAgency = Extract<AgencyState, { status: 'REGISTERED' }>;
import { CommandHandler } from '@app/command-handling';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertCanReadAgency } from '../auth/roles';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/api-error';
import { CommandResult } from '../common/command-result.type';
import { Role } from '../common/enums';
import { CommandGateway } from '../commands/command-gateway';
import { DirectoryQueries } from './directory.queries';
import { Agency, AgencyCodeArgs, CreateStaffAccountInput, CreateUnitInput, RegisterAgencyInput, StaffMember } from './organisation.types';

/** The organisation directory (api-contract.md "Organisation"): agencies, units, staff accounts. */
@Resolver()
export class OrganisationResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly handler: CommandHandler,
    private readonly directory: DirectoryQueries,
  ) {}

  @Mutation(() => CommandResult, { description: 'ADMIN: registers an agency under its mã định danh' })
  async registerAgency(@CurrentActor() actor: Principal, @Args('input') input: RegisterAgencyInput): Promise<CommandResult> {
    if (input.parentCode) await this.requireAgency(input.parentCode);
    return this.commands.decide({
      id: input.code,
      streamId: agencyStream(input.code),
      decider: agencyDecider,
      command: {
        type: 'RegisterAgency',
        data: { code: input.code, name: input.name, abbreviation: input.abbreviation, parentCode: input.parentCode ?? null },
        context: this.commands.context(actor),
      },
    });
  }

  @Mutation(() => CommandResult, { description: 'ADMIN of the agency: creates a unit (phòng, ban); the result id is the unit id' })
  async createUnit(@CurrentActor() actor: Principal, @Args('input') input: CreateUnitInput): Promise<CommandResult> {
    await this.requireAgency(input.agencyCode);
    const unitId = randomUUID();
    return this.commands.decide({
      id: unitId,
      streamId: agencyStream(input.agencyCode),
      decider: agencyDecider,
      command: {
        type: 'CreateUnit',
        data: { agencyCode: input.agencyCode, unitId, name: input.name, abbreviation: input.abbreviation },
        context: this.commands.context(actor),
      },
    });
  }

  @Mutation(() => CommandResult, { description: 'ADMIN of the agency: creates a staff account with its roles' })
  async createStaffAccount(@CurrentActor() actor: Principal, @Args('input') input: CreateStaffAccountInput): Promise<CommandResult> {
    const agency = await this.requireAgency(input.agencyCode);
    if (input.unitId && !agency.units.some((u) => u.unitId === input.unitId)) {
      throw notFound('Unit', input.unitId);
    }
    return this.commands.decide({
      id: input.username,
      streamId: staffStream(input.username),
      decider: staffAccountDecider,
      command: {
        type: 'CreateStaffAccount',
        data: { ...input, unitId: input.unitId ?? null },
        context: this.commands.context(actor),
      },
    });
  }

  @Mutation(() => CommandResult, { description: 'ADMIN of the agency: replaces the roles of an account' })
  changeStaffRoles(
    @CurrentActor() actor: Principal,
    @Args('username') username: string,
    @Args({ name: 'roles', type: () => [Role] }) roles: Role[],
  ): Promise<CommandResult> {
    return this.commands.decide({
      id: username,
      streamId: staffStream(username),
      decider: staffAccountDecider,
      command: { type: 'ChangeStaffRoles', data: { username, roles }, context: this.commands.context(actor) },
    });
  }

  @Mutation(() => CommandResult, { description: 'ADMIN of the agency: locks an account; its tokens stop working at once' })
  lockStaffAccount(@CurrentActor() actor: Principal, @Args('username') username: string, @Args('reason') reason: string): Promise<CommandResult> {
    return this.commands.decide({
      id: username,
      streamId: staffStream(username),
      decider: staffAccountDecider,
      command: { type: 'LockStaffAccount', data: { username, reason }, context: this.commands.context(actor) },
    });
  }

  @Query(() => [Agency])
  agencies(): Promise<Agency[]> {
    return this.directory.agencies();
  }

  @Query(() => Agency, { nullable: true })
  async agency(@Args('code') code: string): Promise<Agency | null> {
    return (await this.directory.agencies(code))[0] ?? null;
  }

  @Query(() => [StaffMember], { description: 'Staff of an agency (your own agency only)' })
  staff(@CurrentActor() actor: Principal, @Args() { agencyCode }: AgencyCodeArgs): Promise<StaffMember[]> {
    assertCanReadAgency(actor, agencyCode);
    return this.directory.staffOf(agencyCode);
  }

  @Query(() => StaffMember, { nullable: true, description: 'The authenticated staff member' })
  async me(@CurrentActor() actor: Principal): Promise<StaffMember | null> {
    return this.directory.staffMember(actor.username);
  }

  /** The agency's state from its own stream, so a just-registered agency is usable at once. */
  private async requireAgency(code: string): Promise<RegisteredAgency> {
    const { state } = await this.handler.state(agencyStream(code), agencyDecider);
    if (state.status === 'UNREGISTERED') throw notFound('Agency', code);
    return state;
  }
}
