import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { Confidentiality, ReceiptChannel, Urgency } from '../common/enums';
import { IsInstant, IsLocalDate } from '../calendar/time-validators';
import { IsAgencyCode } from '../registers/is-agency-code';

// The edge checks shapes and sizes; business rules (attachment formats and sizes, classified documents,
// receipt in the future) are the decider's, which answers them with their domain codes.

@InputType()
export class SenderInput {
  @Field(() => String, { nullable: true, description: 'Mã định danh of the issuing agency, when it has one' })
  @IsOptional() @IsAgencyCode()
  agencyCode?: string | null;

  @Field() @IsString() @MinLength(1) @MaxLength(500)
  name!: string;
}

@InputType()
export class SignerInput {
  @Field() @IsString() @MinLength(1) @MaxLength(255)
  fullName!: string;

  @Field({ defaultValue: '' }) @IsString() @MaxLength(255)
  position: string = '';
}

@InputType()
export class AttachmentInput {
  @Field() @IsString() @MaxLength(255)
  fileName!: string;

  @Field() @IsString() @MaxLength(255)
  mediaType!: string;

  @Field(() => Int) @IsInt() @Min(0)
  sizeBytes!: number;

  @Field({ description: 'Hexadecimal SHA-256 of the file' }) @IsString() @MaxLength(128)
  sha256!: string;
}

@InputType()
export class ReceiveIncomingDocumentInput {
  @Field(() => ReceiptChannel) @IsEnum(ReceiptChannel)
  channel!: ReceiptChannel;

  @Field(() => SenderInput) @ValidateNested() @Type(() => SenderInput)
  sender!: SenderInput;

  @Field({ description: 'Số, e.g. 05' }) @IsString() @MinLength(1) @MaxLength(30)
  codeNumber!: string;

  @Field({ description: 'Ký hiệu, e.g. QĐ-UBND' }) @IsString() @MinLength(1) @MaxLength(100)
  codeNotation!: string;

  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate()
  issuedDate!: string;

  @Field() @IsString() @MinLength(1) @MaxLength(100)
  documentType!: string;

  @Field({ description: 'Trích yếu' }) @IsString() @MinLength(1) @MaxLength(500)
  subject!: string;

  @Field(() => SignerInput) @ValidateNested() @Type(() => SignerInput)
  signer!: SignerInput;

  @Field(() => Urgency, { defaultValue: Urgency.NORMAL }) @IsEnum(Urgency)
  urgency: Urgency = Urgency.NORMAL;

  @Field(() => Confidentiality, { defaultValue: Confidentiality.NONE, description: 'Only NONE is accepted' }) @IsEnum(Confidentiality)
  confidentiality: Confidentiality = Confidentiality.NONE;

  @Field(() => String, { nullable: true, description: 'Hạn giải quyết written on the document, YYYY-MM-DD' })
  @IsOptional() @IsLocalDate()
  dueDate?: string | null;

  @Field(() => [AttachmentInput], { defaultValue: [] })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AttachmentInput)
  attachments: AttachmentInput[] = [];

  @Field(() => Date, { nullable: true, description: 'When the document reached the agency; defaults to now' })
  @IsOptional() @IsInstant()
  receivedAt?: string | null;
}
