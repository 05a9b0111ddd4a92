import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { deliveryDecider, deliveryStream } from '@app/domain';
import { toVietnamIso } from '@app/working-time';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import { notFound } from '../common/api-error';
import { CommandResult } from '../common/command-result.type';
import { ConsistentArgs } from '../common/connection';
import { CommandGateway } from '../commands/command-gateway';
import { Clock } from '../outgoing/clock';
import { DeliveryQueries } from './deliveries.queries';
import { Delivery } from './delivery.type';
import { RecordDeliveryStatusArgs } from './record-delivery-status.args';

@ArgsType()
class DeliveriesArgs extends ConsistentArgs {
  @Field(() => ID) @IsString() @MinLength(1) @MaxLength(128)
  documentId!: string;
}

/** Theo dõi phát hành (Decree 30 Điều 4.2.d, 18): each recipient's delivery status, and the clerk's reports on those outside the system. */
@Resolver(() => Delivery)
export class DeliveriesResolver {
  constructor(
    private readonly queries: DeliveryQueries,
    private readonly commands: CommandGateway,
    private readonly clock: Clock,
  ) {}

  @Query(() => [Delivery], { description: 'The delivery of an outgoing document of your agency to each recipient (empty before issue)' })
  async deliveries(@CurrentActor() actor: Principal, @Args() { documentId }: DeliveriesArgs): Promise<Delivery[]> {
    const agencyCode = await this.queries.issuingAgency(documentId);
    if (agencyCode === null) throw notFound('Outgoing document', documentId);
    assertCanReadAgency(actor, agencyCode);
    return this.queries.deliveries(documentId);
  }

  @Mutation(() => CommandResult, {
    description: 'CLERK: what a recipient outside the system reported (received, accepted, completed …); the result id is the document id',
  })
  recordDeliveryStatus(
    @CurrentActor() actor: Principal,
    @Args() { documentId, recipientAgencyCode, status, note, at }: RecordDeliveryStatusArgs,
  ): Promise<CommandResult> {
    const now = this.clock.now();
    return this.commands.decide({
      id: documentId,
      streamId: deliveryStream(documentId),
      decider: deliveryDecider,
      command: {
        type: 'RecordDeliveryStatus',
        data: { documentId, recipientAgencyCode, status, note, at: at ?? toVietnamIso(now), source: 'MANUAL' },
        context: this.commands.context(actor, now),
      },
    });
  }
}
