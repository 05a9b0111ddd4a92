import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import type { Connection } from '../common/connection';
import { InboxQueries } from './inbox.queries';
import { InboxArgs, InboxItem, InboxItemConnection } from './inbox.types';

@Resolver(() => InboxItem)
export class InboxResolver {
  constructor(private readonly queries: InboxQueries) {}

  @Query(() => InboxItemConnection, {
    description: "The caller's open assignments (and its unit's, for a UNIT_HEAD): FLASH, VERY_URGENT, URGENT, NORMAL, then by deadline",
  })
  myInbox(@CurrentActor() actor: Principal, @Args() args: InboxArgs): Promise<Connection<InboxItem>> {
    return this.queries.inbox(actor, args);
  }
}
