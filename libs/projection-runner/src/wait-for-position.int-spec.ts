import { CheckpointWatcher } from './checkpoint-watcher';
import { ProjectionTimeoutError } from './errors';
import { documentEvents, testEvent } from './testing/test-events';
import { TEST_EVENT, testRegisterProjection } from './testing/test-register-projection';
import { eventually, openRunnerTestContext, RunnerTestContext } from './testing/runner-test-kit';

// The integration project's testTimeout in jest.config.ts does not reach project configs in jest 30.
jest.setTimeout(60_000);

describe('waitForPosition (read your writes)', () => {
  let ctx: RunnerTestContext;

  beforeEach(async () => {
    ctx = await openRunnerTestContext('wait_for_position');
  });

  afterEach(async () => {
    await ctx.close();
  });

  // The idle look past unhandled events is pushed far out: only the waiter's wake-up can make it pass.
  const lazy = { idleProbeMs: 60_000 };

  it('resolves in the same process once the projections have applied the position', async () => {
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], ...lazy });
    await runner.start();
    for (let i = 0; i < 5; i++) {
      const { position } = await ctx.store.append(`doc-${i}`, documentEvents(i, 2), 'no_stream');
      await runner.waitForPosition(position, 5_000);
      const { rows } = await ctx.pool.query('SELECT revision FROM rm_register.documents WHERE document_id = $1', [`doc-${i}`]);
      expect(rows).toEqual([{ revision: '1' }]);
    }
  });

  it('counts an event no projection handles as passed', async () => {
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], ...lazy });
    await runner.start();
    await ctx.store.append('doc-1', documentEvents(1, 1), 'no_stream');
    const { position } = await ctx.store.append('other-1', [testEvent(TEST_EVENT.unrelated, {})], 'no_stream');
    await expect(runner.waitForPosition(position, 5_000)).resolves.toBeUndefined();
  });

  it('works from another process through the checkpoints table and notifications', async () => {
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], ...lazy });
    await runner.start();
    const apiPool = ctx.otherPool();
    const watcher = new CheckpointWatcher({ pool: apiPool, names: ['register'], pollMs: 60_000 });
    try {
      const { position } = await ctx.store.append('doc-1', documentEvents(1, 3), 'no_stream');
      await watcher.waitForPosition(position, 5_000);
      const { rows } = await apiPool.query("SELECT revision FROM rm_register.documents WHERE document_id = 'doc-1'");
      expect(rows).toEqual([{ revision: '2' }]);

      const unrelated = await ctx.store.append('other-1', [testEvent(TEST_EVENT.unrelated, {})], 'no_stream');
      await expect(watcher.waitForPosition(unrelated.position, 5_000)).resolves.toBeUndefined();
      expect((await watcher.checkpoints()).get('register')).toBe(unrelated.position);
    } finally {
      await watcher.close();
    }
  });

  it('rejects with ProjectionTimeoutError naming the projections that did not get there', async () => {
    const runner = ctx.runner({
      projections: [testRegisterProjection({ name: 'register' }), testRegisterProjection({ name: 'stuck', failOn: () => true })],
    });
    await runner.start();
    const { position } = await ctx.store.append('doc-1', documentEvents(1, 1), 'no_stream');
    await eventually(async () => (await runner.status()).find((s) => s.name === 'stuck')?.state === 'failed');

    const waiting = runner.waitForPosition(position, 300);
    await expect(waiting).rejects.toBeInstanceOf(ProjectionTimeoutError);
    await expect(waiting).rejects.toMatchObject({ position, timeoutMs: 300, lagging: [{ name: 'stuck', checkpoint: null }] });
  });

  it('tells in-process change watchers, once per commit, only of the projections that applied events of a batch', async () => {
    // In one group with the register: it takes amendments only, so a batch of registrations moves its checkpoint without changing it.
    const amendments = { name: 'amendments', eventTypes: [TEST_EVENT.amended], schema: [], handle: async () => undefined };
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' }), amendments], ...lazy });
    await runner.start();
    const changes: string[][] = [];
    const unwatch = runner.watchReadModelChanges((names) => changes.push([...names].sort()));
    try {
      // Loading the checkpoints once listening counts as their first change.
      await eventually(async () => runner.readModelChangesLive && changes.length > 0, 5_000, 'the runner to listen');
      changes.length = 0;
      const { position } = await ctx.store.append('doc-1', documentEvents(1, 1), 'no_stream');
      await runner.waitForPosition(position, 5_000);
      const { rows } = await ctx.pool.query('SELECT name, position FROM projection.projection_checkpoints ORDER BY name');
      expect(rows).toEqual([{ name: 'amendments', position }, { name: 'register', position }]);
      // The runner's own commit and its NOTIFY both reach the watcher: only the first tells.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(changes).toEqual([['register']]);
    } finally {
      unwatch();
    }
  });

  it('tells change watchers which read models changed before it releases waiters, not of checkpoints moved past ignored events, and after a lost LISTEN connection that all may have', async () => {
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], ...lazy });
    await runner.start();
    const apiPool = ctx.otherPool();
    const watcher = new CheckpointWatcher({ pool: apiPool, names: ['register', 'other'], pollMs: 60_000 });
    const changes: string[][] = [];
    const unwatch = watcher.watchChanges((names) => changes.push([...names].sort()));
    try {
      // Loading the checkpoints once listening counts as their first change.
      await eventually(async () => watcher.live && changes.length > 0, 5_000, 'the watcher to listen');
      changes.length = 0;
      const { position } = await ctx.store.append('doc-1', documentEvents(1, 1), 'no_stream');
      const released = watcher.waitForPosition(position, 5_000, ['register']).then(() => changes.length);
      expect(await released).toBeGreaterThan(0);
      expect(changes).toEqual([['register']]);

      // An event no projection handles: the checkpoint passes it, no read model changed.
      changes.length = 0;
      const unrelated = await ctx.store.append('other-1', [testEvent(TEST_EVENT.unrelated, {})], 'no_stream');
      await watcher.waitForPosition(unrelated.position, 5_000, ['register']);
      expect((await watcher.checkpoints()).get('register')).toBe(unrelated.position);
      expect(changes).toEqual([]);

      // The server ends the LISTEN connection: changes may be missed from then on, so every projection counts as changed.
      await ctx.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN projection_checkpoints'");
      await eventually(async () => !watcher.live, 5_000, 'the watcher to see the connection lost');
      expect(changes).toContainEqual(['other', 'register']);
      await eventually(async () => watcher.live, 10_000, 'the watcher to listen again');
      changes.length = 0;
      await ctx.store.append('doc-2', documentEvents(2, 1), 'no_stream');
      await eventually(async () => changes.some((names) => names.includes('register')), 5_000, 'a change after listening again');
    } finally {
      unwatch();
      await watcher.close();
    }
  });
});
