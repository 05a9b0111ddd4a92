import { ProjectionSchemaChangedError, RebuildInProgressError } from './errors';
import { LOCK_CLASS } from './runner-tables';
import { appendTestEvents } from './testing/test-events';
import { testRegisterProjection } from './testing/test-register-projection';
import { eventually, openRunnerTestContext, RunnerTestContext, storedCheckpoint, tableRows } from './testing/runner-test-kit';

// The integration project's testTimeout in jest.config.ts does not reach project configs in jest 30.
jest.setTimeout(60_000);

async function snapshot(ctx: RunnerTestContext, name: string) {
  return {
    documents: await tableRows(ctx.pool, `rm_${name}`, 'documents'),
    applications: await tableRows(ctx.pool, `rm_${name}`, 'applications'),
  };
}

describe('rebuild', () => {
  let ctx: RunnerTestContext;

  beforeEach(async () => {
    ctx = await openRunnerTestContext('projection_rebuild');
  });

  afterEach(async () => {
    await ctx.close();
  });

  it('replays into fresh tables equal to the incrementally built ones', async () => {
    const head = await appendTestEvents(ctx.store, { streams: 400, eventsPerStream: 5, unrelatedEvery: 7 });
    const runner = ctx.runner({
      projections: [testRegisterProjection({ name: 'register' })],
      batchSize: 7,
      // A view over the read model, which dropping the old schema at the switch-over drops with it.
      dependentDdl: [
        'CREATE SCHEMA IF NOT EXISTS reporting',
        'CREATE OR REPLACE VIEW reporting.register_titles AS SELECT document_id, title FROM rm_register.documents',
      ],
    });
    await runner.start();
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) === head);
    await runner.stop();
    const incremental = await snapshot(ctx, 'register');
    expect(incremental.documents).toHaveLength(400);

    const result = await runner.rebuild('register');

    expect(result).toMatchObject({ name: 'register', events: 2000, checkpoint: head });
    expect(await snapshot(ctx, 'register')).toEqual(incremental);
    expect(await tableRows(ctx.pool, 'reporting', 'register_titles')).toHaveLength(400);
    expect(await storedCheckpoint(ctx.pool, 'register')).toBe(head);
    const { rows } = await ctx.pool.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rm_register%'");
    expect(rows).toEqual([{ nspname: 'rm_register' }]);
  });

  it('switches over while the projector runs and events keep coming; queries never see a half-built table', async () => {
    await appendTestEvents(ctx.store, { streams: 300, eventsPerStream: 3 });
    // The twin is built incrementally all along; the rebuilt one must end up equal to it.
    const runner = ctx.runner({
      projections: [testRegisterProjection({ name: 'register' }), testRegisterProjection({ name: 'twin' })],
      batchSize: 50,
    });
    await runner.start();
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) !== null);

    let reading = true;
    const counts: number[] = [];
    const reader = (async () => {
      while (reading) {
        const { rows } = await ctx.pool.query('SELECT count(*)::int AS n FROM rm_register.documents');
        counts.push(rows[0].n);
      }
    })();
    const appending = appendTestEvents(ctx.store, { streams: 300, eventsPerStream: 3, prefix: 'live-' });
    await runner.rebuild('register');
    const head = await appending;
    await runner.waitForPosition(head, 30_000);
    reading = false;
    await reader;

    expect(await snapshot(ctx, 'register')).toEqual(await snapshot(ctx, 'twin'));
    expect((await snapshot(ctx, 'register')).applications.every((row) => row.count === 1)).toBe(true);
    // Documents are only ever added, so a reader seeing fewer than before saw a partial table.
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((n, i) => i === 0 || n >= counts[i - 1])).toBe(true);
  });

  it('leaves tables built with another DDL alone until a rebuild switches them to the new shape', async () => {
    const head = await appendTestEvents(ctx.store, { streams: 20, eventsPerStream: 2 });
    const v1 = testRegisterProjection({ name: 'register' });
    const first = ctx.runner({ projections: [v1] });
    await first.start();
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) === head);
    await first.stop();

    const v2 = { ...v1, schema: [...v1.schema, 'CREATE INDEX IF NOT EXISTS documents_title ON documents (title)'] };
    const second = ctx.runner({ projections: [v2], retryInitialMs: 100 });
    expect(await second.ensureSchemas()).toEqual([{ name: 'register', outcome: 'changed' }]);
    await second.start();
    const [status] = await second.status();
    expect(status).toMatchObject({ state: 'schema-changed', lastError: { message: new ProjectionSchemaChangedError('register').message } });
    const indexes = async () =>
      (await ctx.pool.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'rm_register' ORDER BY 1")).rows.map((r) => r.indexname);
    expect(await indexes()).not.toContain('documents_title');

    await second.rebuild('register');

    expect(await indexes()).toContain('documents_title');
    await eventually(async () => (await second.status())[0].state === 'running');
    const more = await appendTestEvents(ctx.store, { streams: 5, eventsPerStream: 2, prefix: 'after-' });
    await second.waitForPosition(more, 10_000);
    expect(await tableRows(ctx.pool, 'rm_register', 'documents')).toHaveLength(25);
  });

  it('refuses a second rebuild of the same projection at the same time', async () => {
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })] });
    const holder = await ctx.pool.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1, hashtext('register'))", [LOCK_CLASS.rebuild]);
      await expect(runner.rebuild('register')).rejects.toBeInstanceOf(RebuildInProgressError);
    } finally {
      holder.release(true);
    }
  });
});
