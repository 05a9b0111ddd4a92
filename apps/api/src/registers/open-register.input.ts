import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REGISTER_CODE_PATTERN } from '@app/domain';
import { RegisterKind } from '../common/enums';
import { IsAgencyCode } from './is-agency-code';

@InputType()
export class OpenRegisterInput {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => RegisterKind) @IsEnum(RegisterKind)
  kind!: RegisterKind;

  @Field(() => Int) @IsInt() @Min(1900) @Max(9999)
  year!: number;

  @Field({ description: 'Upper-case letters, digits, _ and -, at most 20 characters, e.g. QPPL' })
  @Matches(REGISTER_CODE_PATTERN, { message: 'code must be 1 to 20 upper-case letters, digits, _ or -, starting with a letter or digit' })
  code!: string;

  @Field() @IsString() @MinLength(1) @MaxLength(255)
  name!: string;

  @Field(() => [String], { defaultValue: [], description: 'Document types this register is for; empty = all types' })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true })
  documentTypes: string[] = [];
}
