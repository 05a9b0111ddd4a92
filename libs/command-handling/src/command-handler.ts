import { Command, Decider, DomainEvent } from '@app/domain';
import {
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  RecordedEvent,
  WrongExpectedRevisionError,
  deriveEventId,
  sealEvents,
  Upcasters,
} from '@app/event-store';
import { actorMetadata, CommandEnvelope } from './command-metadata';
import { RecentStreams, StreamState } from './recent-streams';
import { StreamQueue } from './stream-queue';

export interface CommandResult {
  /** The aggregate's id (the stream id without its prefix is the caller's business). */
  readonly streamId: string;
  /** Revision of the stream's last event after the command. */
  readonly revision: bigint;
  /** Global position of the last event appended (or of the stream's last event when nothing was new). */
  readonly position: GlobalPosition | null;
  /** Domain events appended by this call (empty when the command was already applied). */
  readonly events: readonly DomainEvent[];
}

export interface HandleOptions<C extends Command, E extends DomainEvent, S> {
  readonly streamId: string;
  readonly decider: Decider<C, E, S>;
  readonly command: C;
  readonly envelope: CommandEnvelope;
  /** For deciders whose state is carried whole by the last event (register numbering). */
  readonly foldsFromLastEventOnly?: boolean;
  /** Concurrency conflicts are retried by re-reading and deciding again; pure deciders make this safe. */
  readonly maxAttempts?: number;
}

interface LoadedStream<S> extends StreamState<S> {
  /** The events this command already appended, found by their derived ids. */
  readonly alreadyApplied: RecordedEvent[];
}

export interface CommandHandlerOptions {
  /** How many streams' states are kept between commands (RecentStreams); 0 reads every stream afresh. */
  readonly recentStreams?: number;
}

/**
 * Read stream → fold → decide → append with the expected revision (architecture.md §3–4).
 * Each event gets its metadata and a link in the stream's hash chain here, so both adapters
 * store exactly what was hashed. The state a command left is kept (RecentStreams), so the next command on
 * the same stream is decided without reading it, and appended only if the stream has not moved since.
 * Commands on one stream wait for each other within the process (StreamQueue), so they do not race to append.
 */
export class CommandHandler {
  private readonly recent: RecentStreams;
  /** This process's commands on one stream, one at a time (StreamQueue). */
  private readonly queue = new StreamQueue();

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: Upcasters,
    options: CommandHandlerOptions = {},
  ) {
    this.recent = new RecentStreams(options.recentStreams ?? 10_000);
  }

  handle<C extends Command, E extends DomainEvent, S>(options: HandleOptions<C, E, S>): Promise<CommandResult> {
    return this.queue.run(options.streamId, () => this.decideAndAppend(options));
  }

  private async decideAndAppend<C extends Command, E extends DomainEvent, S>(options: HandleOptions<C, E, S>): Promise<CommandResult> {
    const { streamId, decider, command, envelope } = options;
    const kept = this.recent.get<S>(streamId, decider, options.foldsFromLastEventOnly ?? false);
    if (kept !== undefined && !kept.commandIds.has(envelope.commandId)) {
      const result = await this.decideOnKeptState(options, kept);
      if (result !== null) return result;
    }
    const maxAttempts = options.maxAttempts ?? 5;
    const firstEventId = deriveEventId(envelope.commandId, 0);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(options, firstEventId);
      if (loaded.alreadyApplied.length > 0) {
        const last = loaded.alreadyApplied[loaded.alreadyApplied.length - 1];
        return { streamId, revision: last.revision, position: last.position, events: [] };
      }
      const events = decider.decide(command, loaded.state);
      if (events.length === 0) {
        return { streamId, revision: loaded.revision, position: loaded.lastPosition, events: [] };
      }
      try {
        return await this.append(options, loaded, events);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
      }
    }
  }

  /** The current state of a stream (-1n revision when it does not exist), for application-level checks. */
  async state<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>,
    foldsFromLastEventOnly = false,
  ): Promise<{ state: S; revision: bigint }> {
    const loaded = await this.load({ streamId, decider: decider as Decider<Command, E, S>, foldsFromLastEventOnly, envelope: { commandId: '' } }, '');
    return { state: loaded.state, revision: loaded.revision };
  }

  /**
   * The command decided on the state this process kept, and appended if the stream is still at that
   * revision. Null when that proves nothing (refused, nothing to do, or the stream moved): the caller then
   * decides on a fresh read, so every refusal and every no-op answers the stream as stored.
   */
  private async decideOnKeptState<C extends Command, E extends DomainEvent, S>(
    options: HandleOptions<C, E, S>,
    kept: StreamState<S>,
  ): Promise<CommandResult | null> {
    let events: readonly E[];
    try {
      events = options.decider.decide(options.command, kept.state);
    } catch {
      return null;
    }
    if (events.length === 0) return null;
    try {
      return await this.append(options, kept, events);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return null;
      throw error;
    }
  }

  /** Seals `events` onto `from` and appends them expecting `from`'s revision; keeps the state they lead to. */
  private async append<C extends Command, E extends DomainEvent, S>(
    options: HandleOptions<C, E, S>,
    from: StreamState<S>,
    events: readonly E[],
  ): Promise<CommandResult> {
    const { streamId, decider, command, envelope } = options;
    const metadata = {
      actor: actorMetadata(command.context.actor, envelope.actingRole),
      onBehalfOf: envelope.onBehalfOf ?? null,
      commandId: envelope.commandId,
      correlationId: envelope.correlationId ?? envelope.commandId,
      causationId: envelope.causationId ?? envelope.commandId,
      occurredAt: command.context.now,
    };
    const sealed = sealEvents(
      streamId,
      from.revision + 1n,
      from.lastHash,
      events.map((event, index) => ({
        eventId: deriveEventId(envelope.commandId, index),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { ...metadata, schemaVersion: this.upcasters.currentVersion(event.type) },
      })),
    );
    const expected: ExpectedRevision = from.revision < 0n ? 'no_stream' : from.revision;
    const lastEventOnly = options.foldsFromLastEventOnly ?? false;
    let result;
    try {
      result = await this.store.append(streamId, sealed, expected);
    } catch (error) {
      this.recent.forget(streamId);
      throw error;
    }
    this.recent.set<S>(streamId, decider, lastEventOnly, {
      state: events.reduce((state, event) => decider.evolve(state, event), from.state),
      revision: result.nextRevision,
      lastHash: sealed[sealed.length - 1].metadata.hash as string,
      lastPosition: result.position,
      commandIds: lastEventOnly ? new Set([envelope.commandId]) : new Set([...from.commandIds, envelope.commandId]),
    });
    return { streamId, revision: result.nextRevision, position: result.position, events };
  }

  private async load<C extends Command, E extends DomainEvent, S>(
    options: Pick<HandleOptions<C, E, S>, 'streamId' | 'decider' | 'foldsFromLastEventOnly' | 'envelope'>,
    firstEventId: string,
  ): Promise<LoadedStream<S>> {
    const { decider, streamId } = options;
    const lastEventOnly = options.foldsFromLastEventOnly ?? false;
    let state = decider.initialState();
    let revision = -1n;
    let lastHash: string | null = null;
    let lastPosition: GlobalPosition | null = null;
    const alreadyApplied: RecordedEvent[] = [];
    const commandIds = new Set<string>();
    const read = lastEventOnly ? this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 }) : this.store.readStream(streamId);
    for await (const stored of read) {
      const recorded = this.upcasters.upcast(stored);
      if (recorded.eventId === firstEventId || alreadyApplied.length > 0) {
        if (recorded.metadata.commandId === options.envelope.commandId) alreadyApplied.push(recorded);
      }
      if (typeof recorded.metadata.commandId === 'string') commandIds.add(recorded.metadata.commandId);
      state = decider.evolve(state, { type: recorded.type, data: recorded.data } as E);
      revision = recorded.revision;
      lastHash = typeof recorded.metadata.hash === 'string' ? recorded.metadata.hash : null;
      lastPosition = recorded.position;
    }
    const loaded = { state, revision, lastHash, lastPosition, commandIds };
    this.recent.set<S>(streamId, decider, lastEventOnly, loaded);
    return { ...loaded, alreadyApplied };
  }
}
