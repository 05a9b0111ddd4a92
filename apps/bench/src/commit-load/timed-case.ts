import type { ResultRow } from '../benchmark';
import { LoadResult, runTimedLoad } from '../load';

/** One measured configuration of a commit-bound benchmark, e.g. "event store append, 16 writers". */
export interface TimedCase {
  readonly benchmark: string;
  readonly name: string;
  readonly writers: number;
  readonly row?: Pick<ResultRow, 'key' | 'relativeTo' | 'target' | 'note'>;
  /** Connects and prepares (tables, streams) before the clock runs. */
  open(): Promise<void>;
  /** One operation of worker `worker`; each worker runs its operations one after the other. */
  op(worker: number): Promise<void>;
  close(): Promise<void>;
}

export interface Interleaving {
  readonly warmupMs: number;
  /** Measured time of each case, split into `rounds` slices. */
  readonly durationMs: number;
  readonly rounds: number;
}

/**
 * Measures the cases in round-robin slices (the first case of each round rotates), so load that
 * other work puts on the machine meanwhile falls on every case alike and ratios between cases stay
 * fair. A case that throws is dropped from later rounds; its error is its result.
 */
export async function runInterleaved(
  cases: readonly TimedCase[],
  timing: Interleaving,
  log: (line: string) => void,
): Promise<Map<TimedCase, LoadResult | Error>> {
  const results = new Map<TimedCase, LoadResult | Error>();
  const opened: TimedCase[] = [];
  const attempt = async (c: TimedCase, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      results.set(c, error instanceof Error ? error : new Error(String(error)));
    }
  };
  const alive = () => cases.filter((c) => !(results.get(c) instanceof Error));
  try {
    for (const c of cases) {
      await attempt(c, async () => {
        opened.push(c);
        await c.open();
        await runTimedLoad({ concurrency: c.writers, warmupMs: timing.warmupMs, durationMs: 0, op: c.op });
      });
    }
    const sliceMs = timing.durationMs / timing.rounds;
    for (let round = 0; round < timing.rounds; round++) {
      const order = alive();
      log(`  round ${round + 1}/${timing.rounds}: ${order.length} cases × ${sliceMs / 1000} s`);
      for (let i = 0; i < order.length; i++) {
        const c = order[(i + round) % order.length];
        await attempt(c, async () => {
          const slice = await runTimedLoad({ concurrency: c.writers, warmupMs: 0, durationMs: sliceMs, op: c.op });
          const sofar = results.get(c) as LoadResult | undefined;
          results.set(c, {
            ops: (sofar?.ops ?? 0) + slice.ops,
            seconds: (sofar?.seconds ?? 0) + slice.seconds,
            latenciesMs: sofar ? sofar.latenciesMs.concat(slice.latenciesMs) : slice.latenciesMs,
          });
        });
      }
    }
  } finally {
    for (const c of opened) await attempt(c, () => c.close());
  }
  return results;
}
