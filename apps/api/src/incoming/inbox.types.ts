import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PageArgs, ConnectionType } from '../common/connection';
import { AssignmentRole, IncomingStatus, Urgency } from '../common/enums';
import { HandlerRef, PersonRef } from './incoming-document.type';

@ObjectType({ description: 'An open assignment of an incoming document to the caller, or to the unit the caller heads' })
export class InboxItem {
  @Field(() => ID) documentId!: string;
  @Field(() => AssignmentRole) role!: AssignmentRole;
  @Field(() => HandlerRef, { description: 'The person or unit assigned' }) assignee!: HandlerRef;
  @Field() instruction!: string;
  @Field(() => Date) deadline!: Date;
  @Field(() => Date) assignedAt!: Date;
  @Field(() => PersonRef) assignedBy!: PersonRef;
  @Field(() => Urgency) urgency!: Urgency;
  @Field() subject!: string;
  @Field() codeNumber!: string;
  @Field() codeNotation!: string;
  @Field() senderName!: string;
  @Field(() => String, { nullable: true }) registerCode!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Int, { nullable: true }) arrivalNumber!: number | null;
  @Field(() => IncomingStatus) status!: IncomingStatus;
  @Field({ description: 'The deadline has passed' }) overdue!: boolean;
}

export const InboxItemConnection = ConnectionType(InboxItem);

@InputType()
export class InboxFilter {
  @Field(() => AssignmentRole, { nullable: true }) @IsOptional() @IsEnum(AssignmentRole)
  role?: AssignmentRole | null;

  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency)
  urgency?: Urgency | null;
}

@ArgsType()
export class InboxArgs extends PageArgs {
  @Field(() => InboxFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => InboxFilter)
  filter?: InboxFilter | null;
}
