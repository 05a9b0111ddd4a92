import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DEFAULT_INCOMING_REGISTER_CODE, REGISTER_CODE_PATTERN } from '@app/domain';
import { PageArgs } from '../common/connection';
import { IncomingStatus, Urgency } from '../common/enums';
import { IsLocalDate } from '../calendar/time-validators';
import { IsAgencyCode } from '../registers/is-agency-code';

@InputType()
export class IncomingRegisterFilter {
  @Field(() => IncomingStatus, { nullable: true }) @IsOptional() @IsEnum(IncomingStatus)
  status?: IncomingStatus | null;

  @Field(() => Urgency, { nullable: true }) @IsOptional() @IsEnum(Urgency)
  urgency?: Urgency | null;

  @Field(() => String, { nullable: true, description: 'Arrival date from, YYYY-MM-DD (inclusive)' }) @IsOptional() @IsLocalDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Arrival date to, YYYY-MM-DD (inclusive)' }) @IsOptional() @IsLocalDate()
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Words of the subject or the number/notation, with or without diacritics' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  text?: string | null;
}

@ArgsType()
export class IncomingRegisterArgs extends PageArgs {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => Int) @IsInt() @Min(1900) @Max(9999)
  year!: number;

  @Field({ defaultValue: DEFAULT_INCOMING_REGISTER_CODE })
  @Matches(REGISTER_CODE_PATTERN, { message: 'registerCode must be 1 to 20 upper-case letters, digits, _ or -' })
  registerCode: string = DEFAULT_INCOMING_REGISTER_CODE;

  @Field(() => IncomingRegisterFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => IncomingRegisterFilter)
  filter?: IncomingRegisterFilter | null;
}

@ArgsType()
export class IncomingDocumentArgs {
  @Field(() => ID) @IsString() @MinLength(1) @MaxLength(128)
  id!: string;

  @Field(() => String, { nullable: true, description: 'A position returned by a mutation: answer only once the read models have passed it' })
  @IsOptional() @IsString() @MaxLength(64)
  consistentWith?: string;
}
