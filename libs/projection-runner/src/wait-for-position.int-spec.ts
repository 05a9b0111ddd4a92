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

  it('tells move watchers which checkpoints moved before it releases waiters, and after a lost LISTEN connection that all may have', async () => {
    const runner = ctx.runner({ projections: [testRegisterProjection({ name: 'register' })], ...lazy });
    await runner.start();
    const apiPool = ctx.otherPool();
    const watcher = new CheckpointWatcher({ pool: apiPool, names: ['register', 'other'], pollMs: 60_000 });
    const moves: string[][] = [];
    const unwatch = watcher.watchMoves((names) => moves.push([...names].sort()));
    try {
      // Loading the checkpoints once listening counts as their first move.
      await eventually(async () => watcher.live && moves.length > 0, 5_000, 'the watcher to listen');
      moves.length = 0;
      const { position } = await ctx.store.append('doc-1', documentEvents(1, 1), 'no_stream');
      const released = watcher.waitForPosition(position, 5_000, ['register']).then(() => moves.length);
      expect(await released).toBeGreaterThan(0);
      expect(moves).toContainEqual(['register']);
      expect(moves.flat()).not.toContain('other');

      // The server ends the LISTEN connection: moves may be missed from then on, so every projection counts as moved.
      moves.length = 0;
      await ctx.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN projection_checkpoints'");
      await eventually(async () => !watcher.live, 5_000, 'the watcher to see the connection lost');
      expect(moves).toContainEqual(['other', 'register']);
      await eventually(async () => watcher.live, 10_000, 'the watcher to listen again');
      moves.length = 0;
      await ctx.store.append('doc-2', documentEvents(2, 1), 'no_stream');
      await eventually(async () => moves.some((names) => names.includes('register')), 5_000, 'a move after listening again');
    } finally {
      unwatch();
      await watcher.close();
    }
  });
});
