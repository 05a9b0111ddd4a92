import './production-mode';
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { ResultRow } from './benchmark';
import { BENCHMARKS } from './benchmarks';
import { attachBenchServer, BenchServer, openBenchServer } from './bench-server';
import { BenchOptions, parseOptions, USAGE, UsageError } from './cli-options';
import { OWN_PROCESS_ENV, reportFromOwnProcess, runInOwnProcess, stopOwnProcesses } from './own-process';
import { evaluate } from './result-rows';
import { writeResultsFile } from './results-file';
import { renderTable } from './table';

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

/** `20250114_093012` (UTC): sorts by time and is valid in a database name. */
function runIdOf(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
}

function machine(): Record<string, string | number> {
  const cores = cpus();
  return {
    cpu: `${cores.length} × ${cores[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    os: `${process.platform} ${release()}`,
    node: process.version,
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), BENCHMARKS.map((b) => b.id));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const list = BENCHMARKS.map((b) => `  ${b.id}  ${b.title}`).join('\n');
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n\nBenchmarks:\n${list}\n`);
    return error.message ? 2 : 0;
  }
  const own = process.env[OWN_PROCESS_ENV.benchmark];
  if (own !== undefined) return benchmarkProcess(own, options);
  const startedAt = new Date();
  const runId = runIdOf(startedAt);
  const selected = BENCHMARKS.filter((b) => !options.only || options.only.has(b.id));
  const server: BenchServer = await openBenchServer(runId, log);
  // Ctrl-C still drops the databases and stops the embedded server.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      stopOwnProcesses();
      void server.close().finally(() => process.exit(130));
    });
  }
  try {
    const settings = await server.settings();
    const host = machine();
    process.stdout.write(
      [
        `Benchmark run ${runId}${options.quick ? ' (--quick: smoke-test sizes, not numbers to quote)' : ''}`,
        `PostgreSQL: ${server.kind === 'embedded' ? 'embedded, throw-away cluster with default settings' : 'DATABASE_URL'} at ${server.address}`,
        `  ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`,
        `Machine: ${Object.entries(host).map(([k, v]) => `${k}=${v}`).join(', ')}`,
        `Timed cases: ${options.warmupMs / 1000} s warm-up + ${options.durationMs / 1000} s measured; --events ${options.events}, --documents ${options.documents}, --documents-large ${options.documentsLarge}, --flows ${options.flows}, --flow-rate ${options.flowRate}`,
        '',
      ].join('\n'),
    );
    const rows: ResultRow[] = [];
    // Other work on the machine skews numbers; the JSON keeps the load each benchmark ran under.
    const runs: { id: string; title: string; seconds: number; loadAverage1mBefore: number; loadAverage1mAfter: number }[] = [];
    for (const [index, benchmark] of selected.entries()) {
      if (index > 0) log(`settling the server: ${await server.settle()}`);
      const before = { at: Date.now(), load: loadavg()[0] };
      log(`${benchmark.id}: ${benchmark.title} (load average ${before.load.toFixed(2)})`);
      rows.push(...(await runInOwnProcess(benchmark, server, runId, benchmark.timeLimitMs(options))));
      runs.push({
        id: benchmark.id,
        title: benchmark.title,
        seconds: (Date.now() - before.at) / 1000,
        loadAverage1mBefore: Number(before.load.toFixed(2)),
        loadAverage1mAfter: Number(loadavg()[0].toFixed(2)),
      });
    }
    const evaluated = evaluate(rows);
    process.stdout.write(`${renderTable(evaluated)}\n\n`);
    const path = writeResultsFile(runId, {
      runId,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      options: { ...options, only: options.only ? [...options.only] : null },
      database: { kind: server.kind, address: server.address, settings },
      machine: { ...host, loadAverage1mAtEnd: Number(loadavg()[0].toFixed(2)) },
      benchmarks: runs,
      rows: evaluated,
    });
    process.stdout.write(`Results written to ${path}\n`);
    const failed = evaluated.filter((row) => row.failed || row.errors);
    if (failed.length > 0) log(`${failed.length} case(s) failed or had errors`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await server.close();
  }
}

/** One benchmark's own process (own-process.ts): runs it on the parent's server and reports its rows. */
async function benchmarkProcess(id: string, options: BenchOptions): Promise<number> {
  const benchmark = BENCHMARKS.find((b) => b.id === id);
  const url = process.env[OWN_PROCESS_ENV.serverUrl];
  const kind = process.env[OWN_PROCESS_ENV.serverKind] as BenchServer['kind'] | undefined;
  const runId = process.env[OWN_PROCESS_ENV.runId];
  if (!benchmark || !url || !kind || !runId) throw new Error(`benchmark ${id} started without its server or run (${Object.values(OWN_PROCESS_ENV).join(', ')})`);
  await reportFromOwnProcess(benchmark, { options, server: attachBenchServer(url, kind, runId, log), log });
  return 0;
}

main().then(
  // Exit explicitly: a benchmark that timed out may leave sockets or timers behind.
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
