import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DEFAULT_INCOMING_REGISTER_CODE, REGISTER_CODE_PATTERN } from '@app/domain';
import { RejectionReason } from '../common/enums';
import { IsInstant } from '../calendar/time-validators';

// Arguments of the mutations on one incoming document (api-contract.md "Incoming documents").

@ArgsType()
export class DocumentIdArgs {
  @Field(() => ID) @IsString() @MinLength(1) @MaxLength(128)
  documentId!: string;
}

@ArgsType()
export class RegisterIncomingDocumentArgs extends DocumentIdArgs {
  @Field({ defaultValue: DEFAULT_INCOMING_REGISTER_CODE, description: 'An INCOMING register; the default register DEN when omitted' })
  @Matches(REGISTER_CODE_PATTERN, { message: 'registerCode must be 1 to 20 upper-case letters, digits, _ or -' })
  registerCode: string = DEFAULT_INCOMING_REGISTER_CODE;

  @Field(() => ID, { nullable: true, description: 'Reuse it when retrying the same registration: the retry then changes nothing' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  commandId?: string | null;
}

@ArgsType()
export class LinkPaperCopyArgs extends DocumentIdArgs {
  @Field(() => ID, { description: 'The registered electronic original' }) @IsString() @MinLength(1) @MaxLength(128)
  originalDocumentId!: string;
}

@ArgsType()
export class RejectIncomingDocumentArgs extends DocumentIdArgs {
  @Field(() => RejectionReason) @IsEnum(RejectionReason)
  reason!: RejectionReason;

  @Field({ defaultValue: '', description: 'Required when the reason is OTHER' }) @IsString() @MaxLength(1000)
  note: string = '';
}

@ArgsType()
export class PresentIncomingDocumentArgs extends DocumentIdArgs {
  @Field() @IsString() @MinLength(1) @MaxLength(64)
  leaderUsername!: string;
}

@ArgsType()
export class ReportProgressArgs extends DocumentIdArgs {
  @Field() @IsString() @MinLength(1) @MaxLength(2000)
  note!: string;
}

@ArgsType()
export class CompleteIncomingDocumentArgs extends DocumentIdArgs {
  @Field() @IsString() @MinLength(1) @MaxLength(2000)
  result!: string;

  @Field(() => ID, { nullable: true, description: 'The outgoing document answering it' }) @IsOptional() @IsString() @MaxLength(128)
  replyDocumentId?: string | null;
}

@ArgsType()
export class ExtendDeadlineArgs extends DocumentIdArgs {
  @Field(() => Date) @IsInstant()
  deadline!: string;

  @Field() @IsString() @MinLength(1) @MaxLength(1000)
  reason!: string;
}

@ArgsType()
export class ReceiveRecallRequestArgs extends DocumentIdArgs {
  @Field() @IsString() @MinLength(1) @MaxLength(1000)
  reason!: string;
}
