import { randomUUID } from 'node:crypto';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { eventFilter, type EventPredicate } from './filter';
import type { grpc } from './grpc';
import { eventMessage, InvalidRequestError } from './messages';
import { send } from './send';
import type { EventLog } from './storage';

type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;

/**
 * A catch-up subscription to `$all`, as the server runs it: confirmation, the stored events after the
 * requested position (exclusive), `caught_up`, then every new event as it is appended, until the
 * client cancels. One cursor walks the log for both phases, so no event falls between them.
 */
export function subscribeToAll(log: EventLog, call: ReadCall, options: ReadReq.Options): void {
  const all = options.getAll();
  if (!all) throw new InvalidRequestError('$all options missing');
  const position = all.getPosition();
  const cursor = position
    ? log.indexAfter({ commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) })
    : all.hasEnd()
      ? log.length
      : 0;
  new AllSubscription(log, call, eventFilter(options), cursor).start();
}

class AllSubscription {
  private caughtUp = false;
  private pumping = false;
  private closed = false;
  private stopListening: () => void = () => undefined;

  constructor(
    private readonly log: EventLog,
    private readonly call: ReadCall,
    private readonly matches: EventPredicate,
    private cursor: number,
  ) {}

  start(): void {
    this.call.once('cancelled', () => this.close());
    this.call.write(
      new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())),
    );
    this.stopListening = this.log.onAppended(() => void this.pump());
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed) {
        const event = this.log.at(this.cursor);
        if (!event) {
          if (this.caughtUp) break;
          this.caughtUp = true;
          if (!(await send(this.call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) this.close();
          continue;
        }
        this.cursor += 1;
        if (this.matches(event) && !(await send(this.call, eventMessage(event)))) this.close();
      }
    } finally {
      this.pumping = false;
    }
  }

  private close(): void {
    this.closed = true;
    this.stopListening();
  }
}
