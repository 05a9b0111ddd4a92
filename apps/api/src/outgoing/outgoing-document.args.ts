import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DEFAULT_OUTGOING_REGISTER_CODE, REGISTER_CODE_PATTERN } from '@app/domain';
import { SignerCompetence } from '../common/enums';
import { IsInstant } from '../calendar/time-validators';
import { DocumentIdArgs } from '../incoming/incoming-document.args';

// Arguments of the mutations on one outgoing document (api-contract.md "Outgoing documents").

@ArgsType()
export class SubmitOutgoingDraftArgs extends DocumentIdArgs {
  @Field({ description: 'The LEADER or UNIT_HEAD who will sign (Decree 30 Điều 11)' }) @IsString() @MinLength(1) @MaxLength(64)
  approverUsername!: string;
}

@ArgsType()
export class ReasonArgs extends DocumentIdArgs {
  @Field() @IsString() @MinLength(1) @MaxLength(1000)
  reason!: string;
}

@ArgsType()
export class NumberOutgoingDocumentArgs extends DocumentIdArgs {
  @Field({ defaultValue: DEFAULT_OUTGOING_REGISTER_CODE, description: 'An OUTGOING register; the default register DI when omitted' })
  @Matches(REGISTER_CODE_PATTERN, { message: 'registerCode must be 1 to 20 upper-case letters, digits, _ or -' })
  registerCode: string = DEFAULT_OUTGOING_REGISTER_CODE;

  @Field(() => ID, { nullable: true, description: 'Reuse it when retrying the same numbering: the retry then changes nothing' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  commandId?: string | null;
}

/** A digital signature on the main file: its certificate, signing time (+07:00) and the SHA-256 of the signed file. */
@InputType()
export class AgencySignatureInput {
  @Field() @IsString() @MinLength(1) @MaxLength(128)
  certificateSerial!: string;

  @Field(() => Date, { description: 'ISO 8601 with +07:00 (Phụ lục I)' }) @IsInstant()
  signedAt!: string;

  @Field({ description: 'Hexadecimal SHA-256 of the signed main file' }) @IsString() @MaxLength(128)
  documentSha256!: string;
}

/** The signer's signature: an agency signature's fields plus the capacity in which the signer signs. */
@InputType()
export class SignatureInput extends AgencySignatureInput {
  @Field(() => SignerCompetence, { defaultValue: SignerCompetence.DIRECT, description: 'Ký trực tiếp, TM., KT., TL., TUQ. or Q.' })
  @IsEnum(SignerCompetence)
  competence: SignerCompetence = SignerCompetence.DIRECT;
}
