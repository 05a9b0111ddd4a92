import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { AllStreamPosition, BadRequest, UUID, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import type { grpc } from './grpc';
import { InvalidRequestError, invalidArgument, proposedEvent, streamName } from './messages';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './storage';

interface PendingBatch {
  readonly options: BatchAppendReq.Options;
  readonly events: ProposedEvent[];
}

/**
 * Streams.BatchAppend: one long-lived duplex stream shared by all the client's appends. Each append is
 * a run of requests with one correlation id (options on the first, `is_final` on the last) answered
 * by one response carrying that id, a success or an error status with typed details.
 */
export function batchAppendHandler(log: EventLog): grpc.handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> {
  return (call) => {
    const pending = new Map<string, PendingBatch>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      const key = correlationId?.getString();
      if (!correlationId || !key) {
        call.emit('error', invalidArgument(new InvalidRequestError('batch append request without a string correlation id')));
        return;
      }
      const response = new BatchAppendResp().setCorrelationId(new UUID().setString(key));
      try {
        const options = request.getOptions() ?? pending.get(key)?.options;
        if (!options) throw new InvalidRequestError('batch append must send its options first');
        const batch = pending.get(key) ?? { options, events: [] };
        batch.events.push(...request.getProposedMessagesList().map(proposedEvent));
        if (!request.getIsFinal()) {
          pending.set(key, batch);
          return;
        }
        pending.delete(key);
        const stream = streamName(options.getStreamIdentifier());
        const expected = expectedState(options);
        respond(response.setStreamIdentifier(options.getStreamIdentifier()), log.append(stream, expected, batch.events), expected);
      } catch (error) {
        pending.delete(key);
        const detail = new BadRequest().setMessage(error instanceof Error ? error.message : String(error));
        response.setError(status(Code.INVALID_ARGUMENT, detail.serializeBinary(), 'event_store.client.BadRequest'));
      }
      call.write(response);
    });
    call.on('end', () => call.end());
  };
}

function expectedState(options: BatchAppendReq.Options): ExpectedState {
  const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case Case.NO_STREAM:
      return -1n;
    case Case.ANY:
      return 'any';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      throw new InvalidRequestError('expected stream position missing');
  }
}

function respond(response: BatchAppendResp, outcome: AppendOutcome, expected: ExpectedState): void {
  if (expected === 'any') response.setAny(new ProtobufEmpty());
  else if (expected === 'stream_exists') response.setStreamExists(new ProtobufEmpty());
  else if (expected === -1n) response.setNoStream(new ProtobufEmpty());
  else response.setStreamPosition(expected.toString());

  if (outcome.kind === 'success') {
    const success = new BatchAppendResp.Success();
    if (outcome.currentRevision === null) success.setNoStream(new ProtobufEmpty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position === null) success.setNoPosition(new ProtobufEmpty());
    else {
      success.setPosition(
        new AllStreamPosition()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString()),
      );
    }
    response.setSuccess(success);
    return;
  }
  const wrong = new WrongExpectedVersion();
  if (outcome.currentRevision === null) wrong.setCurrentNoStream(new ProtobufEmpty());
  else wrong.setCurrentStreamRevision(outcome.currentRevision.toString());
  if (expected === 'any') wrong.setExpectedAny(new ProtobufEmpty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new ProtobufEmpty());
  else if (expected === -1n) wrong.setExpectedNoStream(new ProtobufEmpty());
  else wrong.setExpectedStreamPosition(expected.toString());
  response.setError(status(Code.FAILED_PRECONDITION, wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion'));
}

function status(code: Code, detail: Uint8Array, typeName: string): Status {
  const details = new Any();
  details.pack(detail, typeName);
  return new Status().setCode(code).setMessage(typeName).setDetails(details);
}
