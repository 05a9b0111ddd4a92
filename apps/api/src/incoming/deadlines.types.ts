import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ConnectionType, PageArgs } from '../common/connection';
import { DeadlineKind, DeadlineState, IncomingStatus, Urgency } from '../common/enums';
import { IsAgencyCode } from '../registers/is-agency-code';
import { HandlerRef } from './incoming-document.type';

@ObjectType({ description: 'An open obligation on an incoming document with the instant it is due' })
export class DeadlineItem {
  @Field(() => ID) documentId!: string;
  @Field(() => DeadlineKind) kind!: DeadlineKind;
  @Field(() => Date) dueAt!: Date;
  @Field(() => DeadlineState, { nullable: true, description: 'OVERDUE, DUE_SOON, or null when further away' }) state!: DeadlineState | null;
  @Field(() => HandlerRef, { nullable: true, description: 'Who must act: the lead, or the leader it was presented to; null for the clerks' })
  responsible!: HandlerRef | null;
  @Field(() => Date, { nullable: true, description: "The document's processing deadline" }) documentDeadline!: Date | null;
  @Field(() => Urgency) urgency!: Urgency;
  @Field() subject!: string;
  @Field() codeNumber!: string;
  @Field() codeNotation!: string;
  @Field() senderName!: string;
  @Field(() => String, { nullable: true }) registerCode!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Int, { nullable: true }) arrivalNumber!: number | null;
  @Field(() => IncomingStatus) status!: IncomingStatus;
}

export const DeadlineItemConnection = ConnectionType(DeadlineItem);

@InputType()
export class DeadlinesFilter {
  @Field(() => DeadlineState, { nullable: true, description: 'OVERDUE: past due; DUE_SOON: due within one working day' })
  @IsOptional() @IsEnum(DeadlineState)
  state?: DeadlineState | null;

  @Field(() => DeadlineKind, { nullable: true }) @IsOptional() @IsEnum(DeadlineKind)
  kind?: DeadlineKind | null;

  @Field(() => ID, { nullable: true, description: 'The unit answerable: the lead unit, or the lead person’s unit' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  unitId?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  username?: string | null;
}

@ArgsType()
export class DeadlinesArgs extends PageArgs {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => DeadlinesFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => DeadlinesFilter)
  filter?: DeadlinesFilter | null;
}
