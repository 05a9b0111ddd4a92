import { performance } from 'node:perf_hooks';

export interface LoadResult {
  readonly ops: number;
  readonly seconds: number;
  /** Milliseconds of each counted operation, unsorted. */
  readonly latenciesMs: number[];
}

export interface TimedLoad {
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** One operation of worker `worker` (0-based); a worker runs its operations one after the other. */
  op(worker: number): Promise<void>;
}

/**
 * `concurrency` workers run operations back to back for warm-up + duration. Counted are the
 * operations that complete inside the measurement window, which always lasts exactly `durationMs`,
 * so the throughput is not skewed by the warm-up or by operations still in flight at the end.
 */
export async function runTimedLoad(load: TimedLoad): Promise<LoadResult> {
  const start = performance.now() + load.warmupMs;
  const end = start + load.durationMs;
  const latenciesMs: number[] = [];
  const worker = async (index: number): Promise<void> => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await load.op(index);
      const t1 = performance.now();
      if (t0 >= start && t1 <= end) latenciesMs.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, (_, index) => worker(index)));
  return { ops: latenciesMs.length, seconds: load.durationMs / 1000, latenciesMs };
}

export interface CountedLoad {
  readonly concurrency: number;
  readonly count: number;
  /** Operation number `index` (0-based, each run once). */
  op(index: number): Promise<void>;
}

/** Runs `count` operations with at most `concurrency` in flight; the time is until the last ends. */
export async function runCountedLoad(load: CountedLoad): Promise<LoadResult> {
  let next = 0;
  const latenciesMs: number[] = [];
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < load.count) {
      const t0 = performance.now();
      await load.op(next++);
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(load.concurrency, load.count) }, () => worker()));
  return { ops: load.count, seconds: (performance.now() - start) / 1000, latenciesMs };
}

/** Nearest-rank percentile (0 < p <= 100) in milliseconds; null without samples. */
export function percentile(samplesMs: readonly number[], p: number): number | null {
  if (samplesMs.length === 0) return null;
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Rejects after `ms` unless `promise` settles first. */
export async function withTimeLimit<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
