import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import type { grpc } from './grpc';
import { InvalidRequestError, invalidArgument, proposedEvent, streamName } from './messages';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './storage';

/** Streams.Append: a client stream of the options, then the proposed messages; one response at the end. */
export function appendHandler(log: EventLog): grpc.handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, callback) => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    let refused: unknown;
    call.on('data', (request: AppendReq) => {
      if (refused) return;
      try {
        if (request.hasOptions()) {
          if (options) throw new InvalidRequestError('append options sent twice');
          options = request.getOptions();
        } else {
          const message = request.getProposedMessage();
          if (!options || !message) throw new InvalidRequestError('append must send its options before its events');
          events.push(proposedEvent(message));
        }
      } catch (error) {
        refused = error;
      }
    });
    call.on('end', () => {
      try {
        if (refused) throw refused;
        if (!options) throw new InvalidRequestError('append options missing');
        const expected = expectedState(options);
        callback(null, appendResponse(log.append(streamName(options.getStreamIdentifier()), expected, events), expected));
      } catch (error) {
        callback(invalidArgument(error));
      }
    });
  };
}

function expectedState(options: AppendReq.Options): ExpectedState {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return BigInt(options.getRevision());
    case Case.NO_STREAM:
      return -1n;
    case Case.ANY:
      return 'any';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      throw new InvalidRequestError('expected stream revision missing');
  }
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedState): AppendResp {
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === null) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position === null) success.setNoPosition(new Empty());
    else {
      success.setPosition(
        new AppendResp.Position()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString()),
      );
    }
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === null) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString());
  if (expected === 'any') wrong.setExpectedAny(new Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else if (expected === -1n) wrong.setExpectedNoStream(new Empty());
  else wrong.setExpectedRevision(expected.toString());
  return new AppendResp().setWrongExpectedVersion(wrong);
}
