import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { grpc } from './grpc';
import type { ProposedEvent, StoredEvent } from './storage';

/** A request the double refuses; sent to the client as a gRPC status. */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** A gRPC error carrying the `exception` trailer by which the client recognises server errors. */
export function serviceError(code: grpc.status, message: string, exception?: string): Partial<grpc.ServiceError> {
  const metadata = new grpc.Metadata();
  if (exception) metadata.set('exception', exception);
  return { code, details: message, metadata };
}

export function invalidArgument(error: unknown): Partial<grpc.ServiceError> {
  return serviceError(grpc.status.INVALID_ARGUMENT, error instanceof Error ? error.message : String(error));
}

export function streamName(identifier: StreamIdentifier | undefined): string {
  if (!identifier) throw new InvalidRequestError('stream identifier missing');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The server parses ids as GUIDs, so it stores and returns them in lower case. */
export function eventId(id: UUID | undefined): string {
  if (!id || !id.hasString()) throw new InvalidRequestError('event id missing (the double only accepts string UUIDs)');
  const normalized = id.getString().toLowerCase();
  if (!UUID_PATTERN.test(normalized)) throw new InvalidRequestError(`event id is not a UUID: ${id.getString()}`);
  return normalized;
}

interface ProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

/** Append and BatchAppend carry the same proposed message shape. */
export function proposedEvent(message: ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (!type || !contentType) throw new InvalidRequestError('proposed message lacks the type or content-type metadata');
  return {
    eventId: eventId(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

export function eventMessage(event: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.eventId))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.commit.toString())
    .setPreparePosition(event.position.prepare.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.commit.toString());
  return new ReadResp().setEvent(readEvent);
}
