import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ConnectionType, PageArgs } from '../common/connection';
import { DeadlineKind, DeadlineState, DocumentKind, IncomingStatus, OutgoingStatus, Urgency } from '../common/enums';
import { IsAgencyCode } from '../registers/is-agency-code';
import { HandlerRef } from '../incoming/incoming-document.type';

@ObjectType({ description: 'An open obligation on an incoming or outgoing document with the instant it is due' })
export class DeadlineItem {
  @Field(() => ID) documentId!: string;
  @Field(() => DocumentKind) documentKind!: DocumentKind;
  @Field(() => DeadlineKind) kind!: DeadlineKind;
  @Field(() => Date) dueAt!: Date;
  @Field(() => DeadlineState, { nullable: true, description: 'OVERDUE, DUE_SOON, or null when further away' }) state!: DeadlineState | null;
  @Field(() => HandlerRef, { nullable: true, description: 'Who must act: the lead, or the leader it was presented to; null for the clerks' })
  responsible!: HandlerRef | null;
  @Field(() => Date, { nullable: true, description: "The incoming document's processing deadline" }) documentDeadline!: Date | null;
  @Field(() => Urgency) urgency!: Urgency;
  @Field() subject!: string;
  @Field(() => String, { nullable: true, description: 'Null for an outgoing document not numbered yet' }) codeNumber!: string | null;
  @Field(() => String, { nullable: true }) codeNotation!: string | null;
  @Field(() => String, { nullable: true, description: 'Incoming documents only' }) senderName!: string | null;
  @Field(() => String, { nullable: true }) registerCode!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Int, { nullable: true, description: 'Incoming documents only (số đến)' }) arrivalNumber!: number | null;
  @Field(() => IncomingStatus, { nullable: true, description: 'Of an incoming document' }) status!: IncomingStatus | null;
  @Field(() => OutgoingStatus, { nullable: true, description: 'Of an outgoing document' }) outgoingStatus!: OutgoingStatus | null;
}

export const DeadlineItemConnection = ConnectionType(DeadlineItem);

@InputType()
export class DeadlinesFilter {
  @Field(() => DeadlineState, { nullable: true, description: 'OVERDUE: past due; DUE_SOON: due within one working day' })
  @IsOptional() @IsEnum(DeadlineState)
  state?: DeadlineState | null;

  @Field(() => DeadlineKind, { nullable: true }) @IsOptional() @IsEnum(DeadlineKind)
  kind?: DeadlineKind | null;

  @Field(() => ID, { nullable: true, description: 'The unit answerable: the lead unit, or the lead person’s unit; for an outgoing document, the drafting unit' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  unitId?: string | null;

  @Field(() => String, { nullable: true, description: 'The person answerable (incoming documents only: issuing is the clerks’)' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  username?: string | null;
}

@ArgsType()
export class DeadlinesArgs extends PageArgs {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => DeadlinesFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => DeadlinesFilter)
  filter?: DeadlinesFilter | null;
}
