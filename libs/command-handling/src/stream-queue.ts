const settle = (): void => undefined;

/**
 * Runs the work given for one stream one piece after another, in the order given; other streams' work runs alongside.
 *
 * Why: commands on one stream decided at once all read the same revision, and all but one are refused at the append
 * and decided again, each round costing a read and an append. A register is such a stream: every clerk of an agency
 * numbers from it. Queued, each command is decided on the state the previous one left (RecentStreams) and appended
 * without a read. Writers in other processes are still caught by the expected revision.
 */
export class StreamQueue {
  /** Per stream, a promise settled when its last piece of work has; absent when none is queued. */
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(streamId) ?? Promise.resolve()).then(work);
    const tail = result.then(settle, settle);
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return result;
  }

  /** Streams with work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
