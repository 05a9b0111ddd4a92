import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DeliveryStatus } from '../common/enums';
import { IsInstant } from '../calendar/time-validators';
import { DocumentIdArgs } from '../incoming/incoming-document.args';

@ArgsType()
export class RecordDeliveryStatusArgs extends DocumentIdArgs {
  @Field({ description: 'The recipient’s agency code, or the NAME:<name> key of a recipient without code (see deliveries)' })
  @IsString() @MinLength(1) @MaxLength(600)
  recipientAgencyCode!: string;

  @Field(() => DeliveryStatus) @IsEnum(DeliveryStatus)
  status!: DeliveryStatus;

  @Field({ defaultValue: '' }) @IsString() @MaxLength(1000)
  note: string = '';

  @Field(() => Date, { nullable: true, description: 'When it happened at the recipient; defaults to now' }) @IsOptional() @IsInstant()
  at?: string | null;
}
