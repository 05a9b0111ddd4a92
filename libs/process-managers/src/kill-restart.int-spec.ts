import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  deliveredCopies,
  eventually,
  IN_SYSTEM,
  InterconnectTestContext,
  issuedDocument,
  openInterconnectTestContext,
  storedCheckpoint,
} from './testing/interconnect-test-kit';

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(__dirname, 'testing', 'process-managers-process.ts');
const DOCUMENTS = 60;

interface ManagerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly output: () => string;
}

/** The process managers in a process of their own (node directly, so that a signal reaches them). */
function startManagers(databaseUrl: string): ManagerProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, exited, output: () => output };
}

describe('the delivery process manager killed in the middle of delivering', () => {
  let ctx: InterconnectTestContext;

  beforeAll(async () => {
    ctx = await openInterconnectTestContext('process_managers_crash');
  });
  afterAll(async () => ctx?.close());

  const copiesSoFar = async () => (await deliveredCopies(ctx.pool)).reduce((sum, row) => sum + row.copies, 0);

  /** At any moment: no recipient has two copies of a document, no delivery is tracked twice. */
  async function expectNothingDuplicated(): Promise<void> {
    expect((await deliveredCopies(ctx.pool)).filter((row) => row.copies !== 1)).toEqual([]);
    const { rows } = await ctx.pool.query(
      `SELECT stream_id, count(*)::int AS n FROM event_store.events WHERE type = 'DeliveryTrackingStarted' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(rows).toEqual([]);
  }

  it('delivers every issued document exactly once to each recipient in the system across SIGKILL and restarts', async () => {
    const issued = [];
    for (let i = 1; i <= DOCUMENTS; i++) {
      const [event] = await ctx.appendOutgoing(`crash-${i}`, [issuedDocument(`crash-${i}`)]);
      issued.push(event);
    }
    const lastIssue = issued[issued.length - 1].position;

    for (const killAfter of [20 + Math.floor(Math.random() * 20), 70 + Math.floor(Math.random() * 20)]) {
      const managers = startManagers(ctx.database.url);
      await eventually(async () => (await copiesSoFar()) >= killAfter, 120_000, `${killAfter} copies\n${managers.output()}`);
      managers.child.kill('SIGKILL');
      expect(await managers.exited).toEqual({ code: null, signal: 'SIGKILL' });
      await expectNothingDuplicated();
      const checkpoint = await storedCheckpoint(ctx.pool, 'interconnect_delivery');
      expect(checkpoint === null || checkpoint < lastIssue).toBe(true);
    }

    const last = startManagers(ctx.database.url);
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'interconnect_delivery')) === lastIssue, 120_000, `catching up\n${last.output()}`);
    last.child.kill('SIGTERM');
    expect(await last.exited).toEqual({ code: 0, signal: null });

    await expectNothingDuplicated();
    const expected = issued.flatMap((event) => IN_SYSTEM.map((recipient) => ({ outgoing: String(event.data.documentId), recipient, copies: 1 })));
    const byKey = (a: { outgoing: string; recipient: string }, b: { outgoing: string; recipient: string }) =>
      a.outgoing.localeCompare(b.outgoing) || a.recipient.localeCompare(b.recipient);
    expect((await deliveredCopies(ctx.pool)).sort(byKey)).toEqual(expected.sort(byKey));
    const tracked = await ctx.pool.query(`SELECT count(*)::int AS n FROM event_store.events WHERE type = 'DeliveryTrackingStarted'`);
    expect(tracked.rows[0].n).toBe(DOCUMENTS);
  });
});
