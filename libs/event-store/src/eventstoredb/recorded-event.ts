import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import type { JsonObject, RecordedEvent } from '../event-store.port';
import { toGlobalPosition } from './positions';

/** An event the adapter cannot represent: not JSON, or read without its position. */
export class UnsupportedRecordedEventError extends Error {
  constructor(readonly streamId: string, readonly revision: bigint, reason: string) {
    super(`Event ${revision} of stream ${streamId}: ${reason}`);
    this.name = 'UnsupportedRecordedEventError';
  }
}

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  // Links are only resolved on request (resolveLinkTos, never set here), so `event` is always present.
  if (!event) throw new Error('EventStoreDB returned a resolved event without its event');
  if (!event.isJson) throw new UnsupportedRecordedEventError(event.streamId, event.revision, 'its content type is not JSON');
  if (!event.position) throw new UnsupportedRecordedEventError(event.streamId, event.revision, 'the server sent no position');
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: toGlobalPosition(event.position),
    eventId: event.id,
    type: event.type,
    data: event.data as JsonObject,
    // The client leaves metadata undefined when the stored metadata is empty.
    metadata: (event.metadata ?? {}) as JsonObject,
    recordedAt: event.created,
  };
}
