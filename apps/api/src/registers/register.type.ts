import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RegisterKind } from '../common/enums';
import { IsAgencyCode } from './is-agency-code';

/** A register (sổ văn bản) of one agency and year. */
@ObjectType()
export class Register {
  @Field() agencyCode!: string;
  @Field(() => Int) year!: number;
  @Field() code!: string;
  @Field(() => RegisterKind) kind!: RegisterKind;
  @Field() name!: string;
  @Field(() => [String], { description: 'Empty = all document types' }) documentTypes!: string[];
  @Field(() => Int, { description: 'The last number given out this year; 0 before the first' }) lastNumber!: number;
  @Field({ description: 'The default DEN or DI register, usable without being opened' }) isDefault!: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was opened by hand; null for a default register' }) openedAt!: Date | null;
}

@ArgsType()
export class RegistersArgs {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => Int) @IsInt() @Min(1900) @Max(9999)
  year!: number;

  @Field(() => String, { nullable: true, description: 'A position returned by a mutation: answer only once the read models have passed it' })
  @IsOptional() @IsString() @MaxLength(64)
  consistentWith?: string;
}
