import type { GlobalPosition } from '@app/event-store';
import type { Refusal } from './process-manager-tables';

interface Entry {
  readonly position: GlobalPosition;
  /** Null until the event's commands are done. */
  refusals: readonly Refusal[] | null;
}

/**
 * Handles a manager's events concurrently, up to `capacity` at a time, yet in order on every stream: an
 * event's commands start only after those of every earlier event on the same streams. Commands to
 * different streams do not wait for each other, so one slow recipient holds back no other delivery.
 *
 * The checkpoint only moves past an event once it and every earlier event are done (`commit` gets the
 * last such position and their refusals, one call at a time). After a crash the events after the
 * checkpoint are handled again; their command ids make that append nothing new.
 */
export class ReactionWindow {
  private readonly entries: Entry[] = [];
  private readonly streamTails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private committing: Promise<void> = Promise.resolve();
  private failure: { readonly error: unknown } | null = null;
  private wakeAdder: (() => void) | null = null;

  constructor(
    private readonly capacity: number,
    private readonly commit: (position: GlobalPosition, refusals: readonly Refusal[]) => Promise<void>,
  ) {}

  /** Starts `work` for the event at `position` and returns once the window has room; throws the first failure. */
  async add(position: GlobalPosition, streams: readonly string[], work: () => Promise<readonly Refusal[]>): Promise<void> {
    this.throwIfFailed();
    const entry: Entry = { position, refusals: null };
    this.entries.push(entry);
    const earlier = streams.map((stream) => this.streamTails.get(stream)).filter((tail) => tail !== undefined);
    const run: Promise<void> = Promise.all(earlier)
      .then(() => (this.failure ? null : work()))
      .then(
        (refusals) => {
          if (refusals) entry.refusals = refusals;
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => {
        this.running.delete(run);
        for (const stream of streams) if (this.streamTails.get(stream) === run) this.streamTails.delete(stream);
        this.advance();
      });
    this.running.add(run);
    for (const stream of streams) this.streamTails.set(stream, run);
    while (this.entries.length >= this.capacity && !this.failure) {
      await new Promise<void>((resolve) => (this.wakeAdder = resolve));
    }
    this.throwIfFailed();
  }

  /** Waits for every event started, commits the progress made; throws the first failure. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
    await this.committing;
    this.throwIfFailed();
  }

  /** Commits the done prefix of the window (serially: checkpoints only move forward). */
  private advance(): void {
    let last: Entry | null = null;
    const refusals: Refusal[] = [];
    while (this.entries.length > 0 && this.entries[0].refusals !== null) {
      last = this.entries.shift() as Entry;
      refusals.push(...(last.refusals as readonly Refusal[]));
    }
    if (last) {
      const { position } = last;
      this.committing = this.committing.then(() =>
        this.failure ? undefined : this.commit(position, refusals).catch((error: unknown) => void (this.failure ??= { error })),
      );
    }
    this.wakeAdder?.();
    this.wakeAdder = null;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
