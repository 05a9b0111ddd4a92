/**
 * The event store port (architecture.md §4). Both adapters (postgres/, eventstoredb/) implement it,
 * and the shared contract suite (testing/event-store.contract.ts) holds them to the same behaviour.
 */

/**
 * Opaque, totally ordered position in `$all`. Adapters render it as a fixed-width string
 * (`<20 digits>:<20 digits>`), so ordering positions of one store is plain string ordering.
 */
export type GlobalPosition = string;

/** `no_stream`: the stream must not exist; `stream_exists`: it must; bigint: its last revision must equal it. */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

export type JsonObject = { readonly [key: string]: unknown };

export interface NewEvent {
  /** UUID. Derived from the command id, so a retried command appends nothing new. */
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface RecordedEvent {
  readonly streamId: string;
  /** 0-based revision within the stream. */
  readonly revision: bigint;
  readonly position: GlobalPosition;
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextRevision: bigint;
  /** Position of the last event appended (or of the already stored one, on an idempotent retry). */
  readonly position: GlobalPosition;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface AllFilter {
  /** Only these event types. */
  readonly eventTypes?: readonly string[];
  /** Only streams whose id starts with one of these. */
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions extends AllFilter {
  readonly direction?: Direction;
  readonly maxCount?: number;
}

export type SubscribeOptions = AllFilter;

/** Catch-up then live subscription. Iterate it; `unsubscribe` ends the iteration. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Yields nothing for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** `from` is exclusive: reading resumes after that position. */
  readAll(from: GlobalPosition | 'start', options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** `from` is exclusive. Never skips an event, even one whose transaction commits late. */
  subscribeToAll(from: GlobalPosition | 'start', options?: SubscribeOptions): Subscription;
  /** Position of the last event in `$all` visible to readers, or null when empty. */
  headPosition(): Promise<GlobalPosition | null>;
  /**
   * Position of the last event committed, even one readers cannot see yet (a store may hold events back behind
   * a transaction still open, see headPosition): what to wait for to see everything appended so far.
   */
  lastPosition(): Promise<GlobalPosition | null>;
  close(): Promise<void>;
}

/** The expected revision did not hold. `actual` is -1n when the stream does not exist. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual === -1n ? 'no stream' : actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WIDTH = 20;
/** Renders a two-part position as the fixed-width string both adapters use. */
export function formatPosition(major: bigint, minor: bigint): GlobalPosition {
  return `${major.toString().padStart(WIDTH, '0')}:${minor.toString().padStart(WIDTH, '0')}`;
}

export function parsePosition(position: GlobalPosition): { major: bigint; minor: bigint } {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(position);
  if (!match) throw new InvalidPositionError(position);
  return { major: BigInt(match[1]), minor: BigInt(match[2]) };
}

export class InvalidPositionError extends Error {
  constructor(readonly position: string) {
    super(`Not a global position: ${JSON.stringify(position)}`);
    this.name = 'InvalidPositionError';
  }
}
