import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMinSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsInstant } from '../calendar/time-validators';
import { DelegatedAction } from '../common/enums';
import { ConsistentArgs } from '../common/connection';
import { PersonRef } from '../incoming/incoming-document.type';
import { AgencyCodeArgs } from './organisation.types';

@ObjectType({ description: 'Ủy quyền: a leader lets another staff member assign, approve or sign in their place, in writing and for a period' })
export class Delegation {
  @Field(() => ID) id!: string;
  @Field() agencyCode!: string;
  @Field(() => PersonRef) delegator!: PersonRef;
  @Field(() => PersonRef) delegate!: PersonRef;
  @Field(() => [DelegatedAction]) actions!: DelegatedAction[];
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { description: 'The delegation ends at this instant (exclusive)' }) validTo!: Date;
  @Field({ description: 'The written authorisation (giấy ủy quyền, quyết định …)' }) basis!: string;
  @Field(() => Date) grantedAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
  @Field({ description: 'In force now: not revoked, within its period, the delegator’s account not locked' }) active!: boolean;
}

@InputType()
export class GrantDelegationInput {
  @Field() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'must be a username' }) delegateUsername!: string;
  @Field(() => [DelegatedAction]) @ArrayMinSize(1) @ArrayUnique() @IsEnum(DelegatedAction, { each: true }) actions!: DelegatedAction[];
  @Field(() => Date) @IsInstant() validFrom!: string;
  @Field(() => Date) @IsInstant() validTo!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(500) basis!: string;
}

/** `consistentWith`: the grant's position, to revoke a delegation its read model may not show yet. */
@ArgsType()
export class RevokeDelegationArgs extends ConsistentArgs {
  @Field(() => ID) @IsUUID() delegationId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

@ArgsType()
export class DelegationsArgs extends AgencyCodeArgs {
  @Field({ defaultValue: false, description: 'Only the delegations in force now' }) @IsOptional() @IsBoolean() activeOnly!: boolean;
}
