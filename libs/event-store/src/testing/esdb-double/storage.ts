/** A position in the double's transaction log, compared commit first, as EventStoreDB does. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare < b.prepare ? -1 : a.prepare > b.prepare ? 1 : 0;
}

export interface ProposedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: LogPosition;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  readonly createdTicks: bigint;
}

/** The expected revision of an append; -1n stands for `no_stream`. */
export type ExpectedState = 'any' | 'stream_exists' | bigint;

export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint | null; readonly position: LogPosition | null }
  | { readonly kind: 'wrong_expected_version'; readonly currentRevision: bigint | null };

/** Fixed size the double books for each record header, so positions look like transaction-file offsets. */
const RECORD_HEADER_BYTES = 64n;

/**
 * The in-memory log: one global sequence (`$all`) and an index per stream. Like EventStoreDB's classic
 * transaction file, the events of one append share the commit position of the commit record written
 * after them, and each has its own prepare position, so both halves of a position matter.
 */
export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<() => void>();
  private nextOffset = 0n;

  /** @param positionOnRetry whether an idempotent retry reports the position of the stored events. */
  constructor(private readonly positionOnRetry = true) {}

  get length(): number {
    return this.all.length;
  }

  at(index: number): StoredEvent | undefined {
    return this.all[index];
  }

  stream(streamId: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** Index of the first event of `$all` at or after `position`. */
  indexAtOrAfter(position: LogPosition): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareLogPositions(this.all[middle].position, position) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index of the first event of `$all` strictly after `position`. */
  indexAfter(position: LogPosition): number {
    const index = this.indexAtOrAfter(position);
    const atIndex = this.all[index];
    return atIndex && compareLogPositions(atIndex.position, position) === 0 ? index + 1 : index;
  }

  /** Called after every append that stored events. Returns the function that stops listening. */
  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(streamId: string, expected: ExpectedState, events: readonly ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(streamId) ?? [];
    const current = existing.length === 0 ? null : BigInt(existing.length - 1);
    const decision = decide(existing, expected, events);
    if (decision.kind === 'wrong') return { kind: 'wrong_expected_version', currentRevision: current };
    if (decision.kind === 'duplicate') {
      const last = existing[decision.lastIndex];
      return { kind: 'success', currentRevision: last.revision, position: this.positionOnRetry ? last.position : null };
    }
    if (events.length === 0) return { kind: 'success', currentRevision: current, position: null };

    const prepares = events.map((event) => {
      const prepare = this.nextOffset;
      this.nextOffset += RECORD_HEADER_BYTES + BigInt(event.data.length + event.customMetadata.length);
      return prepare;
    });
    const commit = this.nextOffset;
    this.nextOffset += RECORD_HEADER_BYTES;
    const createdTicks = BigInt(Date.now()) * 10_000n;
    const stored = events.map(
      (event, i): StoredEvent => ({
        ...event,
        streamId,
        revision: BigInt(existing.length + i),
        position: { commit, prepare: prepares[i] },
        createdTicks,
      }),
    );
    this.streams.set(streamId, [...existing, ...stored]);
    this.all.push(...stored);
    const last = stored[stored.length - 1];
    for (const listener of [...this.listeners]) listener();
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }
}

type Decision = { kind: 'write' } | { kind: 'wrong' } | { kind: 'duplicate'; lastIndex: number };

/**
 * EventStoreDB's commit check. An append whose event ids are already stored where the expected
 * revision says they would go is a retry: it succeeds without writing, with the original result.
 */
function decide(existing: readonly StoredEvent[], expected: ExpectedState, events: readonly ProposedEvent[]): Decision {
  const current = BigInt(existing.length - 1);
  if (expected === 'any' || expected === 'stream_exists') {
    if (expected === 'stream_exists' && existing.length === 0) return { kind: 'wrong' };
    if (events.length === 0) return { kind: 'write' };
    const first = existing.findIndex((stored) => stored.eventId === events[0].eventId);
    if (first === -1) return { kind: 'write' };
    return storedAt(existing, first, events) ? { kind: 'duplicate', lastIndex: first + events.length - 1 } : { kind: 'wrong' };
  }
  if (expected === current) return { kind: 'write' };
  const first = Number(expected + 1n);
  if (expected < current && events.length > 0 && storedAt(existing, first, events)) {
    return { kind: 'duplicate', lastIndex: first + events.length - 1 };
  }
  return { kind: 'wrong' };
}

function storedAt(existing: readonly StoredEvent[], first: number, events: readonly ProposedEvent[]): boolean {
  return events.every((event, i) => existing[first + i]?.eventId === event.eventId);
}
