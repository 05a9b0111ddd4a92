import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** What every mutation returns (api-contract.md): never read-model data, which is only eventually consistent. */
@ObjectType()
export class CommandResult {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Revision of the aggregate stream after the command' }) revision!: number;
  @Field({ description: 'Global position of the last event appended; pass it as consistentWith to read your writes' })
  position!: string;
}
