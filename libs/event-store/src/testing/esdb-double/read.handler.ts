import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { eventFilter } from './filter';
import { grpc } from './grpc';
import { eventMessage, InvalidRequestError, invalidArgument, serviceError, streamIdentifier, streamName } from './messages';
import { send } from './send';
import { type EventLog, type LogPosition, type StoredEvent } from './storage';
import { subscribeToAll } from './subscription';

type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;

/** Streams.Read: reads of a stream or of `$all` in either direction, and subscriptions to `$all`. */
export function readHandler(log: EventLog): grpc.handleServerStreamingCall<ReadReq, ReadResp> {
  return (call) => {
    serve(log, call).catch((error: unknown) =>
      call.emit('error', error instanceof InvalidRequestError ? invalidArgument(error) : serviceError(grpc.status.INTERNAL, String(error))),
    );
  };
}

async function serve(log: EventLog, call: ReadCall): Promise<void> {
  const options = call.request.getOptions();
  if (!options) throw new InvalidRequestError('read options missing');
  if (options.hasUuidOption() && !options.getUuidOption()?.hasString()) {
    throw new InvalidRequestError('the double only returns string UUIDs');
  }
  if (options.hasSubscription()) {
    if (!options.hasAll()) {
      call.emit('error', serviceError(grpc.status.UNIMPLEMENTED, 'the double only supports subscriptions to $all'));
      return;
    }
    subscribeToAll(log, call, options);
    return;
  }
  const events = options.hasAll() ? readAll(log, options) : readStream(log, options, call);
  if (!events) return;
  const matches = eventFilter(options);
  let remaining = BigInt(options.getCount());
  for (const event of events) {
    if (remaining <= 0n) break;
    if (!matches(event)) continue;
    if (!(await send(call, eventMessage(event)))) return;
    remaining -= 1n;
  }
  call.end();
}

const forwards = (options: ReadReq.Options) => options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;

/** Forwards from a position includes the event there; backwards from it starts with the one before. */
function* readAll(log: EventLog, options: ReadReq.Options): Generator<StoredEvent> {
  const all = options.getAll();
  if (!all) throw new InvalidRequestError('$all options missing');
  const position = all.getPosition();
  const from: LogPosition | undefined = position && {
    commit: BigInt(position.getCommitPosition()),
    prepare: BigInt(position.getPreparePosition()),
  };
  if (forwards(options)) {
    if (all.hasEnd()) return;
    for (let i = from ? log.indexAtOrAfter(from) : 0; i < log.length; i++) yield log.at(i) as StoredEvent;
  } else {
    if (all.hasStart()) return;
    for (let i = (from ? log.indexAtOrAfter(from) : log.length) - 1; i >= 0; i--) yield log.at(i) as StoredEvent;
  }
}

/** Sends `stream_not_found` and yields nothing when the stream has no events. */
function readStream(log: EventLog, options: ReadReq.Options, call: ReadCall): Iterable<StoredEvent> | undefined {
  const stream = options.getStream();
  if (!stream) throw new InvalidRequestError('stream options missing');
  const name = streamName(stream.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) {
    call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name))));
    call.end();
    return undefined;
  }
  const length = BigInt(events.length);
  const revision = stream.hasRevision() ? BigInt(stream.getRevision()) : undefined;
  if (forwards(options)) {
    if (stream.hasEnd()) return [];
    return events.slice(Number(min(revision ?? 0n, length)));
  }
  if (stream.hasStart()) return events.slice(0, 1);
  // Backwards from a revision past the end starts from the last event.
  return events.slice(0, Number(min(revision === undefined ? length : revision + 1n, length))).reverse();
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
