import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import type { Connection } from '../common/connection';
import { DeadlineQueries } from './deadlines.queries';
import { DeadlineItem, DeadlineItemConnection, DeadlinesArgs } from './deadlines.types';

@Resolver(() => DeadlineItem)
export class DeadlinesResolver {
  constructor(private readonly queries: DeadlineQueries) {}

  @Query(() => DeadlineItemConnection, {
    description: "Open obligations of your agency's documents by due instant: registering, urgent handling and processing incoming ones, issuing signed outgoing ones",
  })
  deadlines(@CurrentActor() actor: Principal, @Args() args: DeadlinesArgs): Promise<Connection<DeadlineItem>> {
    assertCanReadAgency(actor, args.agencyCode);
    return this.queries.deadlinesOf(args);
  }
}
