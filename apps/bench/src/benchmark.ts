import type { BenchOptions } from './cli-options';
import type { BenchServer } from './bench-server';

/**
 * An acceptance threshold on a row: its ops/s, or its ratio to the row named by `relativeTo` (at least
 * `min`); or its p99 latency (at most `max` milliseconds).
 */
export type Target =
  | { readonly metric: 'opsPerSecond' | 'ratio'; readonly min: number }
  | { readonly metric: 'p99Ms'; readonly max: number };

/** One line of the results table. Numbers are null where they do not apply (or the case was skipped). */
export interface ResultRow {
  readonly benchmark: string;
  readonly case: string;
  /** Names the row for `relativeTo` of other rows, e.g. `commit@16`. */
  readonly key?: string;
  readonly ops: number | null;
  readonly seconds: number | null;
  readonly opsPerSecond: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** Key of the row this one's ops/s is compared with (its ratio is printed). */
  readonly relativeTo?: string;
  readonly target?: Target;
  /** Operations that failed; any makes the run exit non-zero. */
  readonly errors?: number;
  /** Set instead of numbers when the case could not run here, saying why. */
  readonly skipped?: string;
  /** Set when the benchmark threw: the run exits non-zero. */
  readonly failed?: string;
  readonly note?: string;
}

export interface BenchContext {
  readonly options: BenchOptions;
  readonly server: BenchServer;
  /** Progress, on stderr so the table stays readable. */
  log(line: string): void;
}

/** A benchmark: `run` measures and returns its rows; it must close everything it opened. */
export interface Benchmark {
  /** The letter `--only` selects it by. */
  readonly id: string;
  readonly title: string;
  /** After this long the run counts as failed and the program moves on. */
  timeLimitMs(options: BenchOptions): number;
  run(ctx: BenchContext): Promise<ResultRow[]>;
}
