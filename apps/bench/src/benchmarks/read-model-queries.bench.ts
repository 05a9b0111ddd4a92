import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { AgencyDeadlines, CalendarProvider, DEFAULT_DEADLINE_SETTINGS } from '@app/agency-calendars';
import type { Benchmark, BenchContext, ResultRow } from '../benchmark';
import { bulkGenerate, GeneratedShape } from '../read-models/bulk-generate';
import { latencyRow } from '../result-rows';

const TARGET_P99_MS = 20;
/** The page size the front end asks for (the API's default `first`). */
const PAGE = 50;

interface QueryCase {
  readonly name: string;
  readonly note: string;
  readonly targeted: boolean;
  run(): Promise<unknown>;
  /** EXPLAIN (ANALYZE, BUFFERS) of each statement one call runs. */
  explain(): Promise<string>;
}

interface Statement {
  readonly text: string;
  readonly values: unknown[];
}

/** `pool` whose query() also records its statements while `capture` runs. */
function recordingPool(pool: Pool): { pool: Pool; capture(run: () => Promise<unknown>): Promise<Statement[]> } {
  let recording: Statement[] | null = null;
  const proxy = new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
      return (text: string, values: unknown[] = []) => {
        recording?.push({ text, values });
        return target.query(text, values);
      };
    },
  });
  return {
    pool: proxy,
    async capture(run) {
      recording = [];
      try {
        await run();
        return recording;
      } finally {
        recording = null;
      }
    },
  };
}

/**
 * (f) Query latency on large read models: the incoming documents, inbox and deadlines read models are
 * bulk-generated for `--documents-large` documents (in the projections' own tables and indexes), then the API's
 * own query classes (apps/api/src/incoming/*.queries.ts, the exact SQL of `incomingRegister`, `myInbox` and
 * `deadlines`) are called with a pg Pool, one call at a time, and timed.
 */
export const readModelQueriesBenchmark: Benchmark = {
  id: 'f',
  title: 'query latency on large read models',
  timeLimitMs: (o) => 180_000 + o.documentsLarge * 0.6,
  async run(ctx) {
    const url = await ctx.server.database('readmodels');
    const pool = new Pool({ connectionString: url, max: 4 });
    try {
      const shape = await bulkGenerate(pool, ctx.options.documentsLarge, ctx.log);
      ctx.log(
        `(f) read models ready in ${shape.seconds.toFixed(1)} s: ${Object.entries(shape.tableRows)
          .map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`)
          .join(', ')}`,
      );
      const cases = await queryCases(pool, shape, ctx);
      return await measure(ctx, cases, shape);
    } finally {
      await pool.end();
    }
  },
};

async function queryCases(pool: Pool, shape: GeneratedShape, ctx: BenchContext): Promise<QueryCase[]> {
  // Loaded on use: the query classes carry Nest decorators (and their metadata).
  await import('reflect-metadata');
  const { IncomingDocumentQueries } = await import('../../../api/src/incoming/incoming-document.queries');
  const { InboxQueries } = await import('../../../api/src/incoming/inbox.queries');
  const { DeadlineQueries } = await import('../../../api/src/deadlines/deadlines.queries');
  const { encodeCursor } = await import('../../../api/src/common/connection');
  const { DeadlineState } = await import('../../../api/src/common/enums');
  type RegisterArgs = Parameters<InstanceType<typeof IncomingDocumentQueries>['register']>[0];
  type InboxArgs = Parameters<InstanceType<typeof InboxQueries>['inbox']>[1];
  type DeadlinesArgs = Parameters<InstanceType<typeof DeadlineQueries>['deadlinesOf']>[0];

  // The query classes get a pool that can record their statements, to EXPLAIN a case that misses its target.
  const recorded = recordingPool(pool);
  const incoming = new IncomingDocumentQueries(recorded.pool);
  const inbox = new InboxQueries(recorded.pool);
  // The shipped working calendar (no agency has its own here): what the api uses before any calendar change.
  const deadlines = new DeadlineQueries(recorded.pool, new AgencyDeadlines(new CalendarProvider(pool), DEFAULT_DEADLINE_SETTINGS));
  const explain = async (run: () => Promise<unknown>): Promise<string> => {
    const statements = await recorded.capture(run);
    const plans: string[] = [];
    for (const { text, values } of statements) {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
      plans.push(`${text.replace(/\s+/g, ' ').slice(0, 160)}…\n${rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n')}`);
    }
    return plans.join('\n');
  };

  const registers = await pool.query<{ agency_code: string; n: number; mid: number }>(
    `SELECT agency_code, count(*)::int AS n, (max(arrival_number) / 2)::int AS mid FROM rm_incoming_documents.incoming_documents
      WHERE year = $1 AND register_code = $2 AND arrival_number IS NOT NULL GROUP BY agency_code ORDER BY n DESC`,
    [shape.year, shape.registerCode],
  );
  const largest = registers.rows[0];
  const median = registers.rows[Math.floor(registers.rows.length / 2)];
  const heavy = (
    await pool.query<{ username: string; agency_code: string; member_of_unit_id: string; n: number }>(
      `SELECT username, agency_code, member_of_unit_id, count(*)::int AS n FROM rm_inbox.inbox_items
        WHERE username IS NOT NULL GROUP BY 1, 2, 3 ORDER BY n DESC LIMIT 1`,
    )
  ).rows[0];
  const unitItems = (
    await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM rm_inbox.inbox_items WHERE agency_code = $1 AND unit_id = $2`, [
      heavy.agency_code,
      heavy.member_of_unit_id,
    ])
  ).rows[0].n;
  const busiest = (
    await pool.query<{ agency_code: string; n: number; overdue: number }>(
      `SELECT agency_code, count(*)::int AS n, count(*) FILTER (WHERE due_at < now())::int AS overdue
         FROM rm_deadlines.deadlines GROUP BY 1 ORDER BY n DESC LIMIT 1`,
    )
  ).rows[0];
  const middle = (
    await pool.query<{ document_id: string; code_number: string; code_notation: string }>(
      `SELECT document_id, code_number, code_notation FROM rm_incoming_documents.incoming_documents
        WHERE agency_code = $1 AND year = $2 AND register_code = $3 AND arrival_number = $4 ORDER BY document_id LIMIT 1`,
      [largest.agency_code, shape.year, shape.registerCode, largest.mid],
    )
  ).rows[0];
  ctx.log(
    `(f) largest register ${largest.agency_code}: ${largest.n} documents (median agency ${median.agency_code}: ${median.n}); ` +
      `heaviest inbox ${heavy.username}: ${heavy.n} items + unit ${heavy.member_of_unit_id}: ${unitItems}; ` +
      `most incoming deadlines ${busiest.agency_code}: ${busiest.n} (${busiest.overdue} overdue)`,
  );

  const register = (agencyCode: string, extra: Partial<RegisterArgs> = {}) => (): Promise<unknown> =>
    incoming.register({ agencyCode, year: shape.year, registerCode: shape.registerCode, first: PAGE, ...extra } as RegisterArgs);
  // A unit head: myInbox reads the person's items and the unit's (both indexes, both counts).
  const actor = {
    username: heavy.username,
    fullName: 'Chuyên viên',
    agencyCode: heavy.agency_code,
    unitId: heavy.member_of_unit_id,
    roles: ['OFFICER', 'UNIT_HEAD'],
    locked: false,
  } as unknown as Parameters<InstanceType<typeof InboxQueries>['inbox']>[0];
  const deadlinePage = (state: (typeof DeadlineState)[keyof typeof DeadlineState]) => (): Promise<unknown> =>
    deadlines.deadlinesOf({ agencyCode: busiest.agency_code, first: PAGE, filter: { state } } as DeadlinesArgs);
  const of = (n: number) => n.toLocaleString('en-US');
  const cases: Omit<QueryCase, 'explain'>[] = [
    {
      name: 'incomingRegister: first page, no filter',
      note: `largest register-year (${of(largest.n)} documents)`,
      targeted: true,
      run: register(largest.agency_code),
    },
    {
      name: 'incomingRegister: text filter "giải ngân"',
      note: `largest register-year; substring of search_text, 1 in 8 subjects match`,
      targeted: true,
      run: register(largest.agency_code, { filter: { text: 'giải ngân' } } as Partial<RegisterArgs>),
    },
    {
      name: `incomingRegister: text filter "${middle.code_number}/${middle.code_notation}"`,
      note: 'largest register-year; a number/notation: few rows match, the whole register-year is filtered',
      targeted: true,
      run: register(largest.agency_code, { filter: { text: `${middle.code_number}/${middle.code_notation}` } } as Partial<RegisterArgs>),
    },
    {
      name: 'incomingRegister: page after a cursor (middle)',
      note: `largest register-year, after arrival number ${of(largest.mid)}`,
      targeted: true,
      run: register(largest.agency_code, { after: encodeCursor([largest.mid, middle.document_id]) }),
    },
    {
      name: 'incomingRegister: first page, median agency',
      note: `median register-year (${of(median.n)} documents)`,
      targeted: false,
      run: register(median.agency_code),
    },
    {
      name: 'myInbox: first page, heaviest user (unit head)',
      note: `${of(heavy.n)} own items + ${of(unitItems)} of the unit`,
      targeted: true,
      run: () => inbox.inbox(actor, { first: PAGE } as InboxArgs),
    },
    {
      name: 'deadlines: OVERDUE, first page',
      note: `agency with most incoming deadlines (${of(busiest.n)} rows, ${of(busiest.overdue)} overdue)`,
      targeted: true,
      run: deadlinePage(DeadlineState.OVERDUE),
    },
    {
      name: 'deadlines: DUE_SOON, first page',
      note: `same agency; due within 8 working hours`,
      targeted: true,
      run: deadlinePage(DeadlineState.DUE_SOON),
    },
  ];
  return cases.map((queryCase) => ({ ...queryCase, explain: () => explain(queryCase.run) }));
}

async function measure(ctx: BenchContext, cases: readonly QueryCase[], shape: GeneratedShape): Promise<ResultRow[]> {
  const calls = ctx.options.quick ? 100 : 500;
  const warmup = ctx.options.quick ? 20 : 50;
  const rows: ResultRow[] = [];
  const size = `${shape.documents.toLocaleString('en-US')} docs`;
  for (const queryCase of cases) {
    for (let i = 0; i < warmup; i++) await queryCase.run();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await queryCase.run();
      samples.push(performance.now() - t0);
    }
    const row = latencyRow('f', `${queryCase.name} [${size}]`, samples, `${queryCase.note}; API query class, page ${PAGE} + totalCount`, {
      ...(queryCase.targeted ? { target: { metric: 'p99Ms' as const, max: TARGET_P99_MS } } : {}),
    });
    rows.push(row);
    if (queryCase.targeted && (row.p99Ms ?? 0) > TARGET_P99_MS) {
      ctx.log(`(f) ${queryCase.name}: p99 ${row.p99Ms?.toFixed(1)} ms > ${TARGET_P99_MS} ms; its statements:\n${await queryCase.explain()}`);
    }
  }
  rows.unshift({
    benchmark: 'f',
    case: `setup: bulk-generated read models for ${size}`,
    ops: shape.documents,
    seconds: shape.seconds,
    opsPerSecond: shape.documents / shape.seconds,
    p50Ms: null,
    p99Ms: null,
    note: `not a target; rows bulk-generated with INSERT … SELECT generate_series in the projections' tables and indexes (not via the projections' handlers): ${Object.entries(
      shape.tableRows,
    )
      .map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`)
      .join(', ')}; then VACUUM ANALYZE`,
  });
  return rows;
}
