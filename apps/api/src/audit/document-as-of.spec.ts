import { IncomingDocumentEvent, incomingDocumentDecider, IncomingDocumentState, incomingStream } from '@app/domain';
import { incomingFixtures as f } from '@app/domain/testing';
import { RecordedEvent, Upcasters } from '@app/event-store';
import { stateAsOf } from './document-as-of';
import { DOCUMENT_KINDS } from './document-kinds';
import type { DocumentStream } from './document-stream.reader';

const incoming = DOCUMENT_KINDS.find((kind) => kind.name === 'INCOMING')!;

/** The decider's events for the main path, stored with the occurredAt of their command. */
function stream(occurredAt: readonly string[]): DocumentStream {
  const commands = [f.receive(), f.registerDocument(), f.assignDocument(), f.forwardAssignment(), f.startProcessing(f.officer)];
  let state: IncomingDocumentState = incomingDocumentDecider.initialState();
  const events: RecordedEvent[] = commands.flatMap((command, i) =>
    incomingDocumentDecider.decide(command, state).map((event: IncomingDocumentEvent) => {
      state = incomingDocumentDecider.evolve(state, event);
      return {
        streamId: incomingStream(f.DOCUMENT_ID),
        revision: BigInt(i),
        position: String(i),
        eventId: `e${i}`,
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { occurredAt: occurredAt[i] },
        recordedAt: new Date(occurredAt[i]),
      };
    }),
  );
  return { documentId: f.DOCUMENT_ID, kind: incoming, streamId: incomingStream(f.DOCUMENT_ID), events };
}

const statusAt = (s: DocumentStream, at: string) => stateAsOf(s, at, new Upcasters())?.state.status ?? null;

describe('stateAsOf', () => {
  const times = [f.T.receiveNow, f.T.register, f.T.assign, f.T.forward, f.T.start];
  const s = stream(times);

  it('folds the events that happened up to the instant, inclusive', () => {
    expect(statusAt(s, '2025-03-03T08:00:00+07:00')).toBeNull();
    expect(statusAt(s, f.T.receiveNow)).toBe('RECEIVED');
    expect(statusAt(s, '2025-03-03T13:59:59+07:00')).toBe('REGISTERED');
    expect(statusAt(s, '2025-03-04T01:00:00Z')).toBe('ASSIGNED');
    expect(stateAsOf(s, '2025-03-04T08:30:00+07:00', new Upcasters())).toMatchObject({
      revision: 3n,
      lastEventAt: f.T.forward,
      state: { status: 'ASSIGNED', assignment: { lead: { username: f.officer.username } } },
    });
    expect(statusAt(s, '2030-01-01T00:00:00+07:00')).toBe('IN_PROGRESS');
  });

  it('stops at the first event that happened later, so the fold stays a prefix of the stream', () => {
    // The assignment carries a time after the forwarding's (a skewed clock): at the forwarding's time, neither is folded.
    const skewed = stream([f.T.receiveNow, f.T.register, '2025-03-05T00:00:00+07:00', f.T.forward, '2025-03-06T00:00:00+07:00']);
    expect(stateAsOf(skewed, f.T.forward, new Upcasters())).toMatchObject({ revision: 1n, state: { status: 'REGISTERED' } });
  });

  it('folds upcast payloads, as the write side does', () => {
    const upcasters = new Upcasters().register('IncomingDocumentReceived', 1, (data) => ({ ...data, subject: 'Upcast' }));
    expect(stateAsOf(s, f.T.receiveNow, upcasters)?.state).toMatchObject({ document: { subject: 'Upcast' } });
  });
});
