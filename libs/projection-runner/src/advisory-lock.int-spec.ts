import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition } from './projection';
import { LOCK_CLASS } from './runner-tables';
import { appendTestEvents } from './testing/test-events';
import { testRegisterProjection } from './testing/test-register-projection';
import { eventually, openRunnerTestContext, RunnerTestContext, storedCheckpoint, tableRows } from './testing/runner-test-kit';

// The integration project's testTimeout in jest.config.ts does not reach project configs in jest 30.
jest.setTimeout(60_000);

/** The test register, counting in memory the events this instance applied. */
function countingRegister(): { definition: ProjectionDefinition; applied: () => number } {
  const register = testRegisterProjection({ name: 'register' });
  let applied = 0;
  const handleBatch = async (events: readonly RecordedEvent[], tx: Parameters<ProjectionDefinition['handle']>[1]) => {
    applied += events.length;
    await register.handleBatch?.(events, tx);
  };
  return { definition: { ...register, handleBatch }, applied: () => applied };
}

describe('two projectors for the same projection', () => {
  let ctx: RunnerTestContext;

  beforeEach(async () => {
    ctx = await openRunnerTestContext('projection_lock');
  });

  afterEach(async () => {
    await ctx.close();
  });

  it('only one processes; the other stands by and takes over when the first stops', async () => {
    const a = countingRegister();
    const b = countingRegister();
    const first = ctx.runner({ projections: [a.definition], lockRetryMs: 100 });
    await first.start();
    await eventually(async () => (await first.status())[0].state === 'running');
    const second = ctx.runner({ projections: [b.definition], lockRetryMs: 100, pool: ctx.otherPool() });
    await second.start();
    await eventually(async () => (await second.status())[0].state === 'standby');

    const head = await appendTestEvents(ctx.store, { streams: 200, eventsPerStream: 3 });
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) === head);
    expect(a.applied()).toBe(600);
    expect(b.applied()).toBe(0);
    expect((await second.status())[0].state).toBe('standby');

    await first.stop();
    await eventually(async () => (await second.status())[0].state === 'running');
    const later = await appendTestEvents(ctx.store, { streams: 100, eventsPerStream: 3, prefix: 'later-' });
    await second.waitForPosition(later, 10_000);

    expect(b.applied()).toBe(300);
    const applications = await tableRows(ctx.pool, 'rm_register', 'applications');
    expect(applications).toHaveLength(900);
    expect(applications.filter((row) => row.count !== 1)).toEqual([]);
  });

  it('takes its locks again after losing their connection, and still applies every event once', async () => {
    await appendTestEvents(ctx.store, { streams: 1000, eventsPerStream: 3 });
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], batchSize: 20, lockRetryMs: 50, retryInitialMs: 50 });
    await runner.start();
    await eventually(async () => (await storedCheckpoint(ctx.pool, 'register')) !== null);

    const { rows } = await ctx.pool.query(
      "SELECT pg_terminate_backend(pid) AS terminated FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND granted",
      [LOCK_CLASS.run],
    );
    expect(rows).toEqual([{ terminated: true }]);
    const head = await appendTestEvents(ctx.store, { streams: 100, eventsPerStream: 3, prefix: 'later-' });
    await runner.waitForPosition(head, 30_000);

    const applications = await tableRows(ctx.pool, 'rm_register', 'applications');
    expect(applications).toHaveLength(3300);
    expect(applications.filter((row) => row.count !== 1)).toEqual([]);
    expect((await runner.status())[0]).toMatchObject({ state: 'running', behind: false });
  });
});
