import type { Benchmark, BenchContext, ResultRow } from '../benchmark';
import type { BenchOptions } from '../cli-options';
import { TimedCase, runInterleaved } from '../commit-load/timed-case';
import { failedRow, loadRow, skippedRow } from '../result-rows';
import { baselineInsertCases } from './baseline-insert.cases';
import { emmettAppendCases } from './emmett-append.cases';
import { eventStoreAppendCases } from './event-store-append.cases';

interface CaseSource {
  readonly id: string;
  readonly title: string;
  /** A peer library: when it cannot run here its rows say why (skipped) instead of failing the run. */
  readonly peer: boolean;
  cases(ctx: BenchContext): Promise<TimedCase[]>;
}

const BASELINE: CaseSource = { id: 'a', title: 'raw INSERT commits (baseline)', peer: false, cases: baselineInsertCases };
const EVENT_STORE: CaseSource = { id: 'b', title: 'PostgreSQL event store appends', peer: false, cases: eventStoreAppendCases };
const EMMETT: CaseSource = { id: 'c', title: "Emmett's PostgreSQL event store appends (peer)", peer: true, cases: emmettAppendCases };
const SOURCES: readonly CaseSource[] = [BASELINE, EVENT_STORE, EMMETT];

const ROUNDS = { quick: 2, full: 5 };
/** Upper bound on the cases all sources together may have. */
const MAX_CASES = 8;

const selectedSources = (options: BenchOptions) => SOURCES.filter((s) => !options.only || options.only.has(s.id));

/**
 * The commit-bound benchmarks (a), (b), (c) are measured together, interleaved (see runInterleaved):
 * their ratios compare numbers taken under the same machine load. The first of them to run measures
 * every selected one; the others take their rows from that measurement.
 */
const measurements = new WeakMap<BenchContext, Promise<ResultRow[]>>();

function measureAll(ctx: BenchContext): Promise<ResultRow[]> {
  let pending = measurements.get(ctx);
  if (!pending) {
    pending = measure(ctx);
    measurements.set(ctx, pending);
  }
  return pending;
}

async function measure(ctx: BenchContext): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const cases: TimedCase[] = [];
  for (const source of selectedSources(ctx.options)) {
    try {
      cases.push(...(await source.cases(ctx)));
    } catch (error) {
      if (!source.peer) throw error;
      rows.push(skippedRow(source.id, source.title, `cannot run here: ${message(error)}`));
    }
  }
  ctx.log(`(${selectedSources(ctx.options).map((s) => s.id).join(', ')}) interleaved: ${cases.map((c) => `${c.benchmark}: ${c.name}`).join('; ')}`);
  const rounds = ctx.options.quick ? ROUNDS.quick : ROUNDS.full;
  const results = await runInterleaved(cases, { warmupMs: ctx.options.warmupMs, durationMs: ctx.options.durationMs, rounds }, ctx.log);
  for (const c of cases) {
    const result = results.get(c);
    if (result instanceof Error) {
      const peer = SOURCES.find((s) => s.id === c.benchmark)?.peer;
      rows.push(peer ? skippedRow(c.benchmark, c.name, `failed here: ${message(result)}`) : failedRow(c.benchmark, c.name, message(result)));
    } else if (result) {
      rows.push(loadRow(c.benchmark, c.name, result, c.row));
    }
  }
  return rows;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function commitBenchmark(source: CaseSource): Benchmark {
  return {
    id: source.id,
    title: source.title,
    timeLimitMs: (o) => MAX_CASES * (o.warmupMs + o.durationMs) + 120_000,
    async run(ctx) {
      const rows = await measureAll(ctx);
      return rows.filter((row) => row.benchmark === source.id);
    },
  };
}

export const baselineInsertBenchmark = commitBenchmark(BASELINE);
export const eventStoreAppendBenchmark = commitBenchmark(EVENT_STORE);
export const emmettAppendBenchmark = commitBenchmark(EMMETT);
