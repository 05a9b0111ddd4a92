import type { EventStore, RecordedEvent } from '@app/event-store';

/**
 * The event with this id in the stream, if any, read from the end (document streams are short): how a use case
 * retried with the same command id answers as its first run did.
 */
export async function appendedEvent(store: EventStore, streamId: string, eventId: string): Promise<RecordedEvent | null> {
  for await (const event of store.readStream(streamId, { direction: 'backwards' })) {
    if (event.eventId === eventId) return event;
  }
  return null;
}
