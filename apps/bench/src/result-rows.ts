import type { ResultRow, Target } from './benchmark';
import { LoadResult, percentile } from './load';

/** A row for a timed load: ops, seconds, ops/s and latency percentiles. */
export function loadRow(
  benchmark: string,
  caseName: string,
  result: LoadResult,
  extra: Pick<ResultRow, 'key' | 'relativeTo' | 'target' | 'note' | 'errors'> = {},
): ResultRow {
  return {
    benchmark,
    case: caseName,
    ops: result.ops,
    seconds: result.seconds,
    opsPerSecond: result.seconds > 0 ? result.ops / result.seconds : null,
    p50Ms: percentile(result.latenciesMs, 50),
    p99Ms: percentile(result.latenciesMs, 99),
    ...extra,
  };
}

/** A row of latencies only (its operations overlap others, so it has no throughput of its own). */
export function latencyRow(
  benchmark: string,
  caseName: string,
  samplesMs: readonly number[],
  note?: string,
  extra: Pick<ResultRow, 'target' | 'errors' | 'key'> = {},
): ResultRow {
  return {
    ...extra,
    benchmark,
    case: caseName,
    ops: samplesMs.length,
    seconds: null,
    opsPerSecond: null,
    p50Ms: percentile(samplesMs, 50),
    p99Ms: percentile(samplesMs, 99),
    note,
  };
}

export function skippedRow(benchmark: string, caseName: string, why: string, key?: string): ResultRow {
  return { benchmark, case: caseName, key, ops: null, seconds: null, opsPerSecond: null, p50Ms: null, p99Ms: null, skipped: why };
}

/** A case (or a whole benchmark) that threw: no numbers, and the run exits non-zero. */
export function failedRow(benchmark: string, caseName: string, why: string): ResultRow {
  return { benchmark, case: caseName, ops: null, seconds: null, opsPerSecond: null, p50Ms: null, p99Ms: null, failed: why };
}

export interface Evaluated extends ResultRow {
  /** ops/s over the ops/s of the row `relativeTo` names, when both were measured. */
  readonly ratio: number | null;
  /** null when the row has no target or its metric could not be computed. */
  readonly passed: boolean | null;
}

/** Adds ratios (rows may refer to rows of other benchmarks) and judges acceptance targets. */
export function evaluate(rows: readonly ResultRow[]): Evaluated[] {
  const byKey = new Map(rows.filter((row) => row.key).map((row) => [row.key as string, row]));
  return rows.map((row) => {
    const reference = row.relativeTo ? byKey.get(row.relativeTo) : undefined;
    const ratio =
      reference?.opsPerSecond && row.opsPerSecond !== null ? row.opsPerSecond / reference.opsPerSecond : null;
    return { ...row, ratio, passed: judge(row.target, row.opsPerSecond, ratio, row.p99Ms) };
  });
}

function judge(target: Target | undefined, opsPerSecond: number | null, ratio: number | null, p99Ms: number | null): boolean | null {
  if (!target) return null;
  if (target.metric === 'p99Ms') return p99Ms === null ? null : p99Ms <= target.max;
  const value = target.metric === 'ratio' ? ratio : opsPerSecond;
  return value === null ? null : value >= target.min;
}
