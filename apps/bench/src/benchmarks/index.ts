import type { Benchmark } from '../benchmark';
import { baselineInsertBenchmark, emmettAppendBenchmark, eventStoreAppendBenchmark } from './commit-benchmarks';
import { graphqlCommandsBenchmark } from './graphql-commands.bench';
import { projectionCatchUpBenchmark } from './projection-catch-up.bench';

/** Every benchmark, in the order a run measures them; add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [
  baselineInsertBenchmark,
  eventStoreAppendBenchmark,
  emmettAppendBenchmark,
  projectionCatchUpBenchmark,
  graphqlCommandsBenchmark,
];
