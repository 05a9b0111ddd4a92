import type { ProjectionDefinition } from './projection';
import { appendTestEvents } from './testing/test-events';
import { TEST_EVENT, testRegisterProjection } from './testing/test-register-projection';
import { eventually, openRunnerTestContext, RunnerTestContext, storedCheckpoint, tableRows } from './testing/runner-test-kit';

// The integration project's testTimeout in jest.config.ts does not reach project configs in jest 30.
jest.setTimeout(60_000);

describe('ProjectionRunner', () => {
  let ctx: RunnerTestContext;

  beforeEach(async () => {
    ctx = await openRunnerTestContext('projection_runner');
  });

  afterEach(async () => {
    await ctx.close();
  });

  it('commits a batch and its checkpoint together: a handler throwing mid-batch keeps neither, and is retried', async () => {
    const head = await appendTestEvents(ctx.store, { streams: 10, eventsPerStream: 3 });
    let broken = true;
    const failing = testRegisterProjection({
      name: 'failing',
      batch: false, // one handle() per event, so the events before doc-5@1 are written before the throw
      failOn: (event) => broken && event.streamId === 'doc-5' && event.revision === 1n,
    });
    const healthy = testRegisterProjection({ name: 'healthy' });
    const runner = ctx.runner({ projections: [failing, healthy], batchSize: 1000, retryInitialMs: 200 });
    await runner.start();

    const status = await eventually(async () => (await runner.status()).find((s) => s.name === 'failing' && s.state === 'failed'));
    expect(status.lastError?.message).toMatch(/refuses event doc-5@1/);
    expect(status.checkpoint).toBeNull();
    expect(await tableRows(ctx.pool, 'rm_failing', 'documents')).toEqual([]);
    expect(await tableRows(ctx.pool, 'rm_failing', 'applications')).toEqual([]);
    // The other projection of the same subscription is not held back.
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'healthy')) === head);
    expect(await tableRows(ctx.pool, 'rm_healthy', 'documents')).toHaveLength(10);

    broken = false;
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'failing')) === head);
    const applications = await tableRows(ctx.pool, 'rm_failing', 'applications');
    expect(applications).toHaveLength(30);
    expect(applications.every((row) => row.count === 1)).toBe(true);
    expect(await tableRows(ctx.pool, 'rm_failing', 'documents')).toEqual(await tableRows(ctx.pool, 'rm_healthy', 'documents'));
    expect((await runner.status()).find((s) => s.name === 'failing')).toMatchObject({ state: 'running', lastError: null, behind: false });
  });

  it('resumes from its checkpoint after a restart and applies every event exactly once', async () => {
    await appendTestEvents(ctx.store, { streams: 500, eventsPerStream: 4 });
    const first = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], batchSize: 10 });
    await first.start();
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) !== null);
    await first.stop();
    const [{ applied }] = (await ctx.pool.query('SELECT count(*)::int AS applied FROM rm_register.applications')).rows;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(2000); // stopped part-way

    const head = await appendTestEvents(ctx.store, { streams: 100, eventsPerStream: 4, prefix: 'late-' });
    const second = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], batchSize: 10 });
    await second.start();
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) === head);

    const applications = await tableRows(ctx.pool, 'rm_register', 'applications');
    expect(applications).toHaveLength(2400);
    expect(applications.filter((row) => row.count !== 1)).toEqual([]);
    const documents = await tableRows(ctx.pool, 'rm_register', 'documents');
    expect(documents).toHaveLength(600);
    expect(documents.every((row) => row.revision === '3' && String(row.title).endsWith('sửa đổi 3'))).toBe(true);
  });

  it('gives each projection a subscription of its own when asked, so a stuck one reads nothing for the others', async () => {
    const head = await appendTestEvents(ctx.store, { streams: 50, eventsPerStream: 2, unrelatedEvery: 10 });
    const runner = ctx.runner({
      projections: [testRegisterProjection({ name: 'register' }), testRegisterProjection({ name: 'stuck', failOn: () => true })],
      subscription: 'separate',
      idleProbeMs: 50,
    });
    await runner.start();
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) === head);
    await eventually(async () => (await runner.status()).find((s) => s.name === 'stuck')?.state === 'failed');
    expect(await tableRows(ctx.pool, 'rm_register', 'applications')).toHaveLength(100);
    const status = await runner.status();
    expect(status.map((s) => [s.name, s.state, s.behind])).toEqual([
      ['register', 'running', false],
      ['stuck', 'failed', true],
    ]);
  });

  it('hands a projection only its event types, yet moves its checkpoint past the others', async () => {
    const amendmentsOnly: ProjectionDefinition = {
      name: 'amendments_only',
      eventTypes: [TEST_EVENT.amended],
      schema: ['CREATE TABLE IF NOT EXISTS received (stream_id text, revision bigint, type text, PRIMARY KEY (stream_id, revision))'],
      handle: async (event, tx) => {
        await tx.query('INSERT INTO received VALUES ($1, $2, $3)', [event.streamId, event.revision.toString(), event.type]);
      },
    };
    // Every document is followed by an unrelated event, so `$all` ends with one no projection handles.
    const head = await appendTestEvents(ctx.store, { streams: 20, eventsPerStream: 3, unrelatedEvery: 1, concurrency: 1 });
    const runner = ctx.runner({ projections: [amendmentsOnly], idleProbeMs: 50 });
    expect((await runner.ensureSchemas()).map((c) => c.outcome)).toEqual(['created']);
    expect(await runner.status()).toMatchObject([{ name: 'amendments_only', state: 'stopped', checkpoint: null, head, behind: true }]);
    await runner.start();

    await eventually(async () => (await storedCheckpoint(ctx.pool, 'amendments_only')) === head);
    const received = await tableRows(ctx.pool, 'rm_amendments_only', 'received');
    expect(received).toHaveLength(40);
    expect(new Set(received.map((row) => row.type))).toEqual(new Set([TEST_EVENT.amended]));
    expect(await runner.status()).toMatchObject([{ name: 'amendments_only', state: 'running', checkpoint: head, head, behind: false, lastError: null }]);
  });
});
