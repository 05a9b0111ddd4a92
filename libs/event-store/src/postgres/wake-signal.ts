/**
 * A wake-up flag a subscription waits on. A wake that arrives while the subscription is busy reading
 * is remembered, so the next wait returns at once instead of missing it.
 */
export class WakeSignal {
  private pending = false;
  private resolve: (() => void) | null = null;

  wake(): void {
    this.pending = true;
    this.resolve?.();
  }

  /** Forgets earlier wakes: called right before reading, which covers everything they announced. */
  clear(): void {
    this.pending = false;
  }

  /** Resolves on the next wake, or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.resolve = null;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.resolve = done;
    });
  }
}
