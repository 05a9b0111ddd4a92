import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { registerDecider, registerStream } from '@app/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import { CommandResult } from '../common/command-result.type';
import { CommandGateway } from '../commands/command-gateway';
import { OpenRegisterInput } from './open-register.input';
import { RegisterQueries } from './register.queries';
import { Register, RegistersArgs } from './register.type';

/** Registers (sổ văn bản) of api-contract.md "Registers". */
@Resolver(() => Register)
export class RegistersResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: RegisterQueries,
  ) {}

  @Mutation(() => CommandResult, { description: 'CLERK or ADMIN: opens a register for a year (Phú Yên Điều 8.2.a); the result id is its code' })
  openRegister(@CurrentActor() actor: Principal, @Args('input') input: OpenRegisterInput): Promise<CommandResult> {
    return this.commands.decide({
      id: input.code,
      streamId: registerStream(input.agencyCode, input.code, input.year),
      decider: registerDecider,
      foldsFromLastEventOnly: registerDecider.foldsFromLastEventOnly,
      command: { type: 'OpenRegister', data: input, context: this.commands.context(actor) },
    });
  }

  @Query(() => [Register], { description: 'The registers of an agency and year (your own agency only), default ones included' })
  registers(@CurrentActor() actor: Principal, @Args() { agencyCode, year }: RegistersArgs): Promise<Register[]> {
    assertCanReadAgency(actor, agencyCode);
    return this.queries.registers(agencyCode, year);
  }
}
