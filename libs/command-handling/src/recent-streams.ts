import type { GlobalPosition } from '@app/event-store';

/** A stream as a command handler last saw it: its folded state and what the next append chains to. */
export interface StreamState<S> {
  readonly state: S;
  /** -1n when the stream does not exist. */
  readonly revision: bigint;
  readonly lastHash: string | null;
  readonly lastPosition: GlobalPosition | null;
  /**
   * The commands whose events the fold saw (all of them, or only the last event's when the state is
   * carried by the last event): a retry of one of those must find its events, so it is never decided here.
   */
  readonly commandIds: ReadonlySet<string>;
}

interface Entry {
  readonly decider: object;
  readonly lastEventOnly: boolean;
  readonly stream: StreamState<unknown>;
}

/**
 * The streams this process decided on lately, so that the next command on one needs no read. Nothing here
 * is trusted: a command decided on a kept state is appended with that state's revision as the expected one,
 * which only succeeds if nobody has appended since (same revision, same events, same state); any other
 * outcome (a conflict, a refusal, nothing to do) is decided again on a fresh read. Least recently used
 * streams go first once `capacity` is reached.
 */
export class RecentStreams {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {}

  /** The kept state of `streamId` if it was folded by this very decider, the same way. */
  get<S>(streamId: string, decider: object, lastEventOnly: boolean): StreamState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined || entry.decider !== decider || entry.lastEventOnly !== lastEventOnly) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.stream as StreamState<S>;
  }

  set<S>(streamId: string, decider: object, lastEventOnly: boolean, stream: StreamState<S>): void {
    if (this.capacity === 0) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { decider, lastEventOnly, stream });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}
