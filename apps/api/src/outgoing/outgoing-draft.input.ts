import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { Confidentiality, Urgency } from '../common/enums';
import { IsLocalDate } from '../calendar/time-validators';
import { AttachmentInput } from '../incoming/receive-incoming-document.input';
import { IsAgencyCode } from '../registers/is-agency-code';

// The edge checks shapes and sizes; business rules (document types, attachment formats, the main file being a
// PDF, classified documents, duplicate recipients) are the decider's, which answers them with their domain codes.

@InputType({ description: 'Nơi nhận: an agency of the directory (agencyCode) or any named addressee' })
export class OutgoingRecipientInput {
  @Field(() => String, { nullable: true, description: 'Mã định danh, when the recipient has one' })
  @IsOptional() @IsAgencyCode()
  agencyCode?: string | null;

  @Field() @IsString() @MinLength(1) @MaxLength(500)
  name!: string;
}

@InputType()
export class CreateOutgoingDraftInput {
  @Field({ description: "The drafter's agency" }) @IsAgencyCode()
  agencyCode!: string;

  @Field(() => ID, { description: 'The drafting unit (đơn vị soạn thảo); its abbreviation goes into a công văn notation' })
  @IsString() @MinLength(1) @MaxLength(64)
  unitId!: string;

  @Field({ description: 'A document type code, e.g. QUYET_DINH, CONG_VAN' }) @IsString() @MinLength(1) @MaxLength(64)
  documentType!: string;

  @Field({ description: 'Trích yếu' }) @IsString() @MinLength(1) @MaxLength(500)
  subject!: string;

  @Field(() => Urgency, { defaultValue: Urgency.NORMAL }) @IsEnum(Urgency)
  urgency: Urgency = Urgency.NORMAL;

  @Field(() => Confidentiality, { defaultValue: Confidentiality.NONE, description: 'Only NONE is accepted' }) @IsEnum(Confidentiality)
  confidentiality: Confidentiality = Confidentiality.NONE;

  @Field(() => [OutgoingRecipientInput])
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OutgoingRecipientInput)
  recipients!: OutgoingRecipientInput[];

  @Field(() => [AttachmentInput], { description: 'The main file (a PDF) first, then the annexes' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AttachmentInput)
  attachments!: AttachmentInput[];

  @Field(() => [ID], { defaultValue: [], description: 'Incoming documents this one answers' })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(128, { each: true })
  replyToDocumentIds: string[] = [];

  @Field({ defaultValue: false, description: 'A paper copy is sent as well' }) @IsBoolean()
  paperCopy: boolean = false;

  @Field(() => String, { nullable: true, description: 'Hạn giải quyết asked of the recipients, YYYY-MM-DD' })
  @IsOptional() @IsLocalDate()
  dueDate?: string | null;
}

/** A new version of the draft: omitted fields keep their value. */
@InputType()
export class ReviseOutgoingDraftInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  documentType?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(500)
  subject?: string;

  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency)
  urgency?: Urgency;

  @Field(() => Confidentiality, { nullable: true }) @IsOptional() @IsEnum(Confidentiality)
  confidentiality?: Confidentiality;

  @Field(() => [OutgoingRecipientInput], { nullable: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OutgoingRecipientInput)
  recipients?: OutgoingRecipientInput[];

  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AttachmentInput)
  attachments?: AttachmentInput[];

  @Field(() => [ID], { nullable: true })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(128, { each: true })
  replyToDocumentIds?: string[];

  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean()
  paperCopy?: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null clears it' }) @IsOptional() @IsLocalDate()
  dueDate?: string | null;
}
