import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DEFAULT_OUTGOING_REGISTER_CODE, REGISTER_CODE_PATTERN } from '@app/domain';
import { ConsistentArgs, PageArgs } from '../common/connection';
import { OutgoingStatus, Urgency } from '../common/enums';
import { IsLocalDate } from '../calendar/time-validators';
import { IsAgencyCode } from '../registers/is-agency-code';

@InputType()
export class OutgoingRegisterFilter {
  @Field(() => OutgoingStatus, { nullable: true }) @IsOptional() @IsEnum(OutgoingStatus)
  status?: OutgoingStatus | null;

  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency)
  urgency?: Urgency | null;

  @Field(() => String, { nullable: true, description: 'Issue date from, YYYY-MM-DD (inclusive)' }) @IsOptional() @IsLocalDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Issue date to, YYYY-MM-DD (inclusive)' }) @IsOptional() @IsLocalDate()
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Words of the subject or the number/notation, with or without diacritics' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  text?: string | null;
}

@ArgsType()
export class OutgoingRegisterArgs extends PageArgs {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => Int) @IsInt() @Min(1900) @Max(9999)
  year!: number;

  @Field({ defaultValue: DEFAULT_OUTGOING_REGISTER_CODE })
  @Matches(REGISTER_CODE_PATTERN, { message: 'registerCode must be 1 to 20 upper-case letters, digits, _ or -' })
  registerCode: string = DEFAULT_OUTGOING_REGISTER_CODE;

  @Field(() => OutgoingRegisterFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OutgoingRegisterFilter)
  filter?: OutgoingRegisterFilter | null;
}

@ArgsType()
export class OutgoingDocumentArgs extends ConsistentArgs {
  @Field(() => ID) @IsString() @MinLength(1) @MaxLength(128)
  id!: string;
}
