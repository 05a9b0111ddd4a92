import { WakeSignal } from './wake-signal';

describe('WakeSignal', () => {
  const elapsed = async (promise: Promise<void>) => {
    const started = Date.now();
    await promise;
    return Date.now() - started;
  };

  it('waits until woken', async () => {
    const signal = new WakeSignal();
    const waiting = elapsed(signal.wait(5_000));
    signal.wake();
    expect(await waiting).toBeLessThan(1_000);
  });

  it('gives up after the timeout', async () => {
    expect(await elapsed(new WakeSignal().wait(20))).toBeGreaterThanOrEqual(15);
  });

  it('remembers a wake that came while nobody waited', async () => {
    const signal = new WakeSignal();
    signal.wake();
    expect(await elapsed(signal.wait(5_000))).toBeLessThan(1_000);
  });

  it('forgets earlier wakes when cleared', async () => {
    const signal = new WakeSignal();
    signal.wake();
    signal.clear();
    expect(await elapsed(signal.wait(20))).toBeGreaterThanOrEqual(15);
  });
});
