import { spawn } from 'node:child_process';
import type { BenchContext, Benchmark, ResultRow } from './benchmark';
import type { BenchServer } from './bench-server';
import { withTimeLimit } from './load';
import { appEntry, LOADERS, ROOT } from '@app/platform';
import { failedRow } from './result-rows';

/** What tells this program it is one benchmark's own process, and on which server the run measures. */
export const OWN_PROCESS_ENV = {
  benchmark: 'BENCH_OWN_PROCESS_OF',
  serverUrl: 'BENCH_SERVER_URL',
  serverKind: 'BENCH_SERVER_KIND',
  runId: 'BENCH_RUN_ID',
} as const;

/** Past its time limit, the process is given this long to report the limit itself before it is killed. */
const KILL_GRACE_MS = 30_000;

interface Report {
  readonly rows: ResultRow[];
}

/** The benchmark processes running, so that the run stopping (Ctrl-C) stops them too. */
const running = new Set<ReturnType<typeof spawn>>();

/** SIGTERM to every benchmark process still running: each drops its databases and exits. */
export function stopOwnProcesses(): void {
  for (const child of running) child.kill('SIGTERM');
}

/**
 * Runs one benchmark in a fresh process of this program, with the same arguments, and answers its rows.
 *
 * Why: a benchmark that boots an api measures that api's latency, and in the run's own process it shared its heap,
 * compiled code and leftover handles with everything the benchmarks before it had left (h's api ran in the heap
 * where g had run two apis). Each benchmark now measures as if it ran alone, and its api starts as in production,
 * in a process of its own.
 */
export function runInOwnProcess(benchmark: Benchmark, server: BenchServer, runId: string, timeLimitMs: number): Promise<ResultRow[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...LOADERS, appEntry('bench', 'main'), ...process.argv.slice(2)], {
      cwd: ROOT,
      env: {
        ...process.env,
        [OWN_PROCESS_ENV.benchmark]: benchmark.id,
        [OWN_PROCESS_ENV.serverUrl]: server.adminUrl,
        [OWN_PROCESS_ENV.serverKind]: server.kind,
        [OWN_PROCESS_ENV.runId]: runId,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    running.add(child);
    let rows: ResultRow[] | null = null;
    child.on('message', (report: Report) => (rows = report.rows));
    const killer = setTimeout(() => child.kill('SIGKILL'), timeLimitMs + KILL_GRACE_MS);
    child.once('exit', (code, signal) => {
      running.delete(child);
      clearTimeout(killer);
      resolve(rows ?? [failedRow(benchmark.id, benchmark.title, `its process ended (${signal ?? `exit code ${code}`}) without results`)]);
    });
  });
}

/** In the benchmark's own process: runs it within its time limit, reports its rows to the parent, drops its databases. */
export async function reportFromOwnProcess(benchmark: Benchmark, ctx: BenchContext): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error(`benchmark ${benchmark.id} reports to the run that started it, and this process has no channel to one`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void ctx.server.close().finally(() => process.exit(130)));
  }
  let rows: ResultRow[];
  try {
    rows = await withTimeLimit(benchmark.run(ctx), benchmark.timeLimitMs(ctx.options), `benchmark ${benchmark.id}`);
  } catch (error) {
    ctx.log(`${benchmark.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    rows = [failedRow(benchmark.id, benchmark.title, error instanceof Error ? error.message : String(error))];
  } finally {
    await ctx.server.close();
  }
  const report: Report = { rows };
  await new Promise<void>((resolve, reject) => send(report, (error: Error | null) => (error ? reject(error) : resolve())));
}
