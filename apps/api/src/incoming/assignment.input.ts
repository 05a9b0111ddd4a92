import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AssignmentRole } from '../common/enums';
import { IsInstant } from '../calendar/time-validators';

/** A person (`username`) or a unit (`unitId`) of the agency: exactly one of them. */
@InputType({ isAbstract: true })
export class HandlerInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  username?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(64)
  unitId?: string | null;
}

@InputType()
export class AssigneeInput extends HandlerInput {
  @Field(() => AssignmentRole) @IsEnum(AssignmentRole)
  role!: AssignmentRole;

  @Field(() => Date, { nullable: true, description: "This assignee's deadline; the document's deadline when omitted" })
  @IsOptional() @IsInstant()
  deadline?: string | null;
}

@InputType()
export class AssignIncomingDocumentInput {
  @Field(() => [AssigneeInput], { description: 'Exactly one LEAD (chủ trì), any COORDINATE (phối hợp) and INFORMATION (để biết)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AssigneeInput)
  assignees!: AssigneeInput[];

  @Field({ defaultValue: '', description: 'Bút phê' }) @IsString() @MaxLength(2000)
  instruction: string = '';

  @Field(() => Date, { nullable: true, description: "The processing deadline; the agency's default number of working days when omitted" })
  @IsOptional() @IsInstant()
  deadline?: string | null;
}

@InputType()
export class ForwardAssignmentInput extends HandlerInput {
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2000)
  instruction: string = '';

  @Field(() => Date, { nullable: true, description: "The new lead's deadline; the document's deadline when omitted" })
  @IsOptional() @IsInstant()
  deadline?: string | null;
}
