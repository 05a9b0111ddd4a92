import type { DomainEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionTx } from '@app/projection-runner';

/** An event as the set-based handlers see it: its data and where it stands in its stream. */
export interface Projected<E extends DomainEvent> {
  readonly streamId: string;
  readonly data: E['data'];
  /** The stream revision in decimal: bigint does not survive JSON. */
  readonly revision: string;
  readonly recordedAt: string;
}

/**
 * One handler per event type, each applying events of distinct streams in a few set-based statements.
 * A mapped type, so a missing event type fails to compile.
 */
export type TypeHandlers<E extends DomainEvent> = {
  readonly [K in E['type']]: (events: readonly Projected<Extract<E, { type: K }>>[], tx: ProjectionTx) => Promise<void>;
};

/**
 * Splits a batch into rounds in which no stream appears twice: the n-th event of a stream in the batch
 * goes to round n. Every row of these read models belongs to one stream, so events of one round commute
 * and can be applied together, while each stream still sees its events in order.
 */
export function streamRounds(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const seen = new Map<string, number>();
  const rounds: RecordedEvent[][] = [];
  for (const event of events) {
    const round = seen.get(event.streamId) ?? 0;
    seen.set(event.streamId, round + 1);
    (rounds[round] ??= []).push(event);
  }
  return rounds;
}

export function projected<E extends DomainEvent>(event: RecordedEvent): Projected<E> {
  return {
    streamId: event.streamId,
    data: event.data as E['data'],
    revision: event.revision.toString(),
    recordedAt: event.recordedAt.toISOString(),
  };
}

/** Applies the events of one round (distinct streams), one handler call per event type present. */
export async function applyByType<E extends DomainEvent>(
  round: readonly RecordedEvent[],
  handlers: TypeHandlers<E>,
  tx: ProjectionTx,
): Promise<void> {
  const byType = new Map<string, Projected<E>[]>();
  for (const event of round) {
    const group = byType.get(event.type) ?? [];
    group.push(projected<E>(event));
    byType.set(event.type, group);
  }
  for (const [type, group] of byType) {
    if (!Object.hasOwn(handlers, type)) throw new Error(`No handler for event type ${type}`);
    // The map key is the group's type, which TypeScript cannot correlate with the handler's parameter.
    const handler = handlers[type as E['type']] as (events: readonly Projected<E>[], tx: ProjectionTx) => Promise<void>;
    await handler(group, tx);
  }
}
