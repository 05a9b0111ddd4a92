import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ConsistentArgs } from '../common/connection';
import { Role } from '../common/enums';

export const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const AGENCY_CODE_MESSAGE = 'must be an agency identifier (mã định danh) like 000.00.01.H41';

@ObjectType()
export class Unit {
  @Field(() => ID) id!: string;
  @Field() agencyCode!: string;
  @Field() name!: string;
  @Field() abbreviation!: string;
}

@ObjectType()
export class Agency {
  @Field({ description: 'Mã định danh' }) code!: string;
  @Field() name!: string;
  @Field() abbreviation!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => [Unit]) units!: Unit[];
}

@ObjectType()
export class StaffMember {
  @Field() username!: string;
  @Field() fullName!: string;
  @Field() position!: string;
  @Field() agencyCode!: string;
  @Field(() => String, { nullable: true }) unitId!: string | null;
  @Field(() => [Role]) roles!: Role[];
  @Field() locked!: boolean;
}

@InputType()
export class RegisterAgencyInput {
  @Field() @Matches(AGENCY_CODE, { message: AGENCY_CODE_MESSAGE }) code!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(30) abbreviation!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(AGENCY_CODE, { message: AGENCY_CODE_MESSAGE })
  parentCode?: string | null;
}

@InputType()
export class CreateUnitInput {
  @Field() @Matches(AGENCY_CODE, { message: AGENCY_CODE_MESSAGE }) agencyCode!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(30) abbreviation!: string;
}

@InputType()
export class CreateStaffAccountInput {
  @Field() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'must be 3 to 64 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(200) fullName!: string;
  @Field() @IsString() @MaxLength(200) position!: string;
  @Field() @Matches(AGENCY_CODE, { message: AGENCY_CODE_MESSAGE }) agencyCode!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() unitId?: string | null;
  @Field(() => [Role]) @ArrayMinSize(1) @ArrayUnique() @IsEnum(Role, { each: true }) roles!: Role[];
}

@ArgsType()
export class AgencyCodeArgs extends ConsistentArgs {
  @Field() @Matches(AGENCY_CODE, { message: AGENCY_CODE_MESSAGE }) agencyCode!: string;
}
