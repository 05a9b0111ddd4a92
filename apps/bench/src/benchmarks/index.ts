import type { Benchmark } from '../benchmark';
import { auditReadsBenchmark } from './audit-reads.bench';
import { baselineInsertBenchmark, emmettAppendBenchmark, eventStoreAppendBenchmark } from './commit-benchmarks';
import { graphqlCommandsBenchmark } from './graphql-commands.bench';
import { projectionCatchUpBenchmark } from './projection-catch-up.bench';
import { outgoingFlowBenchmark } from './outgoing-flow.bench';
import { readModelQueriesBenchmark } from './read-model-queries.bench';

/** Every benchmark, in the order a run measures them; add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [
  baselineInsertBenchmark,
  eventStoreAppendBenchmark,
  emmettAppendBenchmark,
  projectionCatchUpBenchmark,
  graphqlCommandsBenchmark,
  readModelQueriesBenchmark,
  outgoingFlowBenchmark,
  auditReadsBenchmark,
];
