import { Module } from '@nestjs/common';
import { DeadlineQueries } from './deadlines.queries';
import { DeadlinesResolver } from './deadlines.resolver';

/** `deadlines`: the agency's open obligations with a due instant, over incoming and outgoing documents. */
@Module({ providers: [DeadlineQueries, DeadlinesResolver] })
export class DeadlinesModule {}
