import { Field, ObjectType } from '@nestjs/graphql';
import { DeliveryStatus, DeliverySource } from '../common/enums';
import { PersonRef } from '../incoming/incoming-document.type';

// The sender's view of an issued document at each recipient (rm_deliveries).

@ObjectType({ description: 'One status a delivery went through' })
export class DeliveryStatusChange {
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field(() => String, { nullable: true, description: 'Exchange status code: 01–06, 13, 15, 16' }) exchangeCode!: string | null;
  @Field() note!: string;
  @Field(() => Date, { description: 'When it happened at the recipient' }) at!: string;
  @Field(() => DeliverySource) source!: DeliverySource;
  @Field(() => Date) recordedAt!: string;
  @Field(() => PersonRef, { description: 'The clerk who reported it, or the system (liên thông)' }) recordedBy!: PersonRef;
}

@ObjectType({ description: 'The delivery of an issued document to one recipient' })
export class Delivery {
  @Field({ description: 'The recipient’s agency code, or NAME:<name> for one without code (recordDeliveryStatus takes it)' })
  recipientKey!: string;
  @Field(() => String, { nullable: true }) agencyCode!: string | null;
  @Field() name!: string;
  @Field({ description: 'An agency of this system: its statuses come by themselves' }) inSystem!: boolean;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field(() => String, { nullable: true }) exchangeCode!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the current status happened' }) statusAt!: Date | null;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => [DeliveryStatusChange], { description: 'Every status after PENDING, oldest first' }) history!: DeliveryStatusChange[];
}
