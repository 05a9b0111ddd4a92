import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { TEST_EVENT } from './testing/test-register-projection';
import { appendTestEvents } from './testing/test-events';
import { testRegisterProjection } from './testing/test-register-projection';
import { eventually, openRunnerTestContext, RunnerTestContext, storedCheckpoint, tableRows } from './testing/runner-test-kit';

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(__dirname, 'testing', 'crash-test-runner.ts');
const NAME = 'register';
const EVENTS = 20_000;

interface Projector {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly output: () => string;
}

/** Runs the projector in a process of its own (node directly, so a signal reaches the runner itself). */
function startProjector(databaseUrl: string): Projector {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PROJECTION_NAME: NAME, BATCH_SIZE: '50', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, exited, output: () => output };
}

describe('a projector killed in the middle of catching up', () => {
  let ctx: RunnerTestContext;

  beforeAll(async () => {
    ctx = await openRunnerTestContext('projection_crash');
  });

  afterAll(async () => {
    await ctx.close();
  });

  async function appliedCount(): Promise<number> {
    const { rows } = await ctx.pool.query('SELECT count(*)::int AS n FROM rm_register.applications').catch(() => ({ rows: [{ n: 0 }] }));
    return rows[0].n;
  }

  /** After a crash the read model holds exactly the events up to its checkpoint, each once. */
  async function expectConsistentWithCheckpoint(): Promise<string> {
    const checkpoint = await storedCheckpoint(ctx.pool, NAME);
    expect(checkpoint).not.toBeNull();
    let upToCheckpoint = 0;
    for await (const event of ctx.store.readAll('start', { eventTypes: [TEST_EVENT.registered, TEST_EVENT.amended] })) {
      if (event.position > (checkpoint as string)) break;
      upToCheckpoint++;
    }
    const { rows } = await ctx.pool.query('SELECT count(*)::int AS n, max(count) AS most FROM rm_register.applications');
    expect(rows[0]).toEqual({ n: upToCheckpoint, most: upToCheckpoint > 0 ? 1 : null });
    const ahead = await ctx.pool.query('SELECT count(*)::int AS n FROM rm_register.documents WHERE position > $1', [checkpoint]);
    expect(ahead.rows[0].n).toBe(0);
    return checkpoint as string;
  }

  it('resumes after SIGKILL and ends equal to a clean rebuild, with no event applied twice', async () => {
    const head = await appendTestEvents(ctx.store, { streams: EVENTS / 4, eventsPerStream: 4, unrelatedEvery: 50, concurrency: 8 });

    for (const killAfter of [2_000 + Math.floor(Math.random() * 3_000), 9_000 + Math.floor(Math.random() * 3_000)]) {
      const projector = startProjector(ctx.database.url);
      await eventually(async () => (await appliedCount()) >= killAfter, 120_000, `${killAfter} events applied\n${projector.output()}`);
      projector.child.kill('SIGKILL');
      expect(await projector.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const checkpoint = await expectConsistentWithCheckpoint();
      expect(checkpoint < head).toBe(true);
    }

    const last = startProjector(ctx.database.url);
    await eventually(async () => (await storedCheckpoint(ctx.pool, NAME)) === head, 120_000, `catching up\n${last.output()}`);
    last.child.kill('SIGTERM');
    expect(await last.exited).toEqual({ code: 0, signal: null });

    await expectConsistentWithCheckpoint();
    const incremental = {
      documents: await tableRows(ctx.pool, 'rm_register', 'documents'),
      applications: await tableRows(ctx.pool, 'rm_register', 'applications'),
    };
    expect(incremental.applications).toHaveLength(EVENTS);
    expect(incremental.documents).toHaveLength(EVENTS / 4);

    const rebuilt = await ctx.runner({ projections: [testRegisterProjection({ name: NAME })] }).rebuild(NAME);
    expect(rebuilt).toMatchObject({ events: EVENTS, checkpoint: head });
    expect({
      documents: await tableRows(ctx.pool, 'rm_register', 'documents'),
      applications: await tableRows(ctx.pool, 'rm_register', 'applications'),
    }).toEqual(incremental);
  });
});
