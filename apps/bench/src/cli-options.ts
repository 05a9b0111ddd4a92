export interface BenchOptions {
  /** Smaller counts and shorter runs: a smoke test of the program, not numbers to quote. */
  readonly quick: boolean;
  /** Benchmark ids to run; null runs all. */
  readonly only: ReadonlySet<string> | null;
  /** Events appended before the projection catch-up (d). */
  readonly events: number;
  /** Documents received and registered over GraphQL (e). */
  readonly documents: number;
  /** Incoming documents bulk-generated into the read models whose queries (f) times. */
  readonly documentsLarge: number;
  /** Draft-to-issue flows of the outgoing benchmark (g), per run. */
  readonly flows: number;
  /** Offered rate of the paced outgoing run (g), flows per second. */
  readonly flowRate: number;
  /** Warm-up and measurement of each timed case (a, b, c). */
  readonly warmupMs: number;
  readonly durationMs: number;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--only a,b,...] [--events N] [--documents N]
       [--documents-large N] [--flows N] [--flow-rate R]

  --quick          smaller counts and shorter runs (smoke test)
  --only LIST      run only these benchmarks (letters, comma-separated)
  --events N       events appended for the projection catch-up (default 100000; 10000 with --quick)
  --documents N    documents received and registered over GraphQL (default 500; 50 with --quick)
  --documents-large N  incoming documents bulk-generated into the read models for the query latencies (f)
                   (default 100000; 20000 with --quick; the acceptance run uses 1000000)
  --flows N        draft-to-issue flows per outgoing run (g) (default 300; 40 with --quick)
  --flow-rate R    offered flows/s of the paced outgoing run (g) (default 50)`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], knownIds: readonly string[]): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument ${JSON.stringify(arg)}`);
    const [, name, inline] = match;
    if (name === 'quick' || name === 'help') flags.set(name, true);
    else if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < argv.length) flags.set(name, argv[++i]);
    else throw new UsageError(`--${name} needs a value`);
  }
  const unknown = [...flags.keys()].find((name) => !['quick', 'help', 'only', 'events', 'documents', 'documents-large', 'flows', 'flow-rate'].includes(name));
  if (unknown) throw new UsageError(`Unknown flag --${unknown}`);
  if (flags.has('help')) throw new UsageError('');
  const quick = flags.get('quick') === true;
  return {
    quick,
    only: parseOnly(flags.get('only'), knownIds),
    events: positiveInteger(flags.get('events'), 'events', quick ? 10_000 : 100_000),
    documents: positiveInteger(flags.get('documents'), 'documents', quick ? 50 : 500),
    documentsLarge: positiveInteger(flags.get('documents-large'), 'documents-large', quick ? 20_000 : 100_000),
    flows: positiveInteger(flags.get('flows'), 'flows', quick ? 40 : 300),
    flowRate: positiveInteger(flags.get('flow-rate'), 'flow-rate', 50),
    warmupMs: quick ? 500 : 2_000,
    durationMs: quick ? 2_000 : 10_000,
  };
}

function parseOnly(value: string | true | undefined, knownIds: readonly string[]): ReadonlySet<string> | null {
  if (value === undefined || value === true) return null;
  const ids = value.split(',').map((id) => id.trim().toLowerCase()).filter((id) => id !== '');
  const unknown = ids.find((id) => !knownIds.includes(id));
  if (unknown !== undefined) throw new UsageError(`--only: no benchmark ${JSON.stringify(unknown)} (known: ${knownIds.join(', ')})`);
  if (ids.length === 0) throw new UsageError('--only needs at least one benchmark');
  return new Set(ids);
}

function positiveInteger(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined || value === true) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}
