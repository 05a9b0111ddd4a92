import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type JSONType,
  type Position,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import {
  comparePositions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { acceptsEvent, serverFilter } from './all-filter';
import { toClientExpectedRevision, translateAppendError } from './expected-revision';
import { toClientPosition, toGlobalPosition } from './positions';
import { toRecordedEvent } from './recorded-event';
import { EventStoreDbSubscription } from './subscription';

/**
 * The event store port on EventStoreDB (or KurrentDB) through @eventstore/db-client.
 *
 * `$all` reads filter on the client: this client version sends no filter with readAll, so system
 * events and the port's filters are dropped as they arrive. Subscriptions filter on the server.
 */
export class EventStoreDbEventStore implements EventStore {
  constructor(private readonly client: EventStoreDBClient) {}

  /** e.g. `esdb://localhost:2113?tls=false` */
  static fromConnectionString(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // As the PostgreSQL adapter: an empty append has no position to report, a negative revision no meaning.
    if (events.length === 0) throw new RangeError(`Stream ${streamId}: an append needs at least one event`);
    if (typeof expected === 'bigint' && expected < 0n) {
      throw new RangeError(`Stream ${streamId}: expected revision must be >= 0, got ${expected}`);
    }
    const result = await this.client
      .appendToStream(
        streamId,
        events.map((event) =>
          jsonEvent({ id: event.eventId, type: event.type, data: event.data as JSONType, metadata: event.metadata as JSONType }),
        ),
        { expectedRevision: toClientExpectedRevision(expected) },
      )
      .catch((error: unknown) => {
        throw translateAppendError(error, streamId, expected);
      });
    const position = result.position ?? (await this.positionOf(streamId, result.nextExpectedRevision));
    return { nextRevision: result.nextExpectedRevision, position: toGlobalPosition(position) };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    if (options.maxCount === 0) return;
    const direction = options.direction ?? 'forwards';
    const read = this.client.readStream(streamId, {
      direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
      fromRevision: options.fromRevision ?? (direction === 'forwards' ? START : END),
      maxCount: options.maxCount,
    });
    try {
      yield* mapped(read);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }

  async *readAll(from: GlobalPosition | 'start', options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const accepts = acceptsEvent(options);
    // The server includes the event at `from` when reading forwards; the port's `from` is exclusive.
    const beyondFrom = (event: RecordedEvent) =>
      from === 'start' || (forwards ? comparePositions(event.position, from) > 0 : comparePositions(event.position, from) < 0);
    const read = this.client.readAll({
      direction: forwards ? FORWARDS : BACKWARDS,
      fromPosition: from === 'start' ? (forwards ? START : END) : toClientPosition(from),
    });
    for await (const event of mapped(read)) {
      if (!beyondFrom(event) || !accepts(event)) continue;
      yield event;
      if (--remaining === 0) return;
    }
  }

  subscribeToAll(from: GlobalPosition | 'start', options: SubscribeOptions = {}): Subscription {
    const accepts = acceptsEvent(options);
    const source = this.client.subscribeToAll({
      // The server starts a subscription after `fromPosition`, already exclusive as the port wants.
      fromPosition: from === 'start' ? START : toClientPosition(from),
      filter: serverFilter(options),
    });
    // Defensive: a server that included the event at `from` would otherwise redeliver a checkpointed event.
    return new EventStoreDbSubscription(
      source,
      (event) => (from === 'start' || comparePositions(event.position, from) > 0) && accepts(event),
    );
  }

  async headPosition(): Promise<GlobalPosition | null> {
    for await (const event of this.readAll('start', { direction: 'backwards', maxCount: 1 })) return event.position;
    return null;
  }

  /** EventStoreDB shows an event to readers once it is committed: the head is the last position. */
  lastPosition(): Promise<GlobalPosition | null> {
    return this.headPosition();
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Servers that answer an idempotent retry without a position: look the stored event up. */
  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    for await (const resolved of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      if (resolved.event?.position) return resolved.event.position;
    }
    throw new Error(`EventStoreDB reported event ${revision} of stream ${streamId} but did not return it`);
  }
}

/**
 * The client's events as the port's. Stopping early cancels the gRPC call, which would otherwise stay
 * open, paused, until the server gave up on it.
 */
async function* mapped<Resolved extends ResolvedEvent | AllStreamResolvedEvent>(
  read: StreamingRead<Resolved>,
): AsyncGenerator<RecordedEvent> {
  try {
    for await (const resolved of read) yield toRecordedEvent(resolved);
  } finally {
    if (!read.readableEnded) await read.cancel();
  }
}
