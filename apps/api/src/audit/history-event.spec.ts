import { incomingStream } from '@app/domain';
import { RecordedEvent, Upcasters } from '@app/event-store';
import { DOCUMENT_KINDS } from './document-kinds';
import { actorPhrase, readActor, toHistoryEvent } from './history-event';

const incoming = DOCUMENT_KINDS.find((kind) => kind.name === 'INCOMING')!;
const clerk = { username: 'vanthu.ubnd', fullName: 'Trần Thị Thư', role: 'CLERK', roles: ['CLERK'], agencyCode: '000.00.00.H41' };

const stored = (type: string, data: Record<string, unknown>, metadata: Record<string, unknown>): RecordedEvent => ({
  streamId: incomingStream('d1'),
  revision: 1n,
  position: '00000000000000000001:00000000000000000002',
  eventId: 'e1',
  type,
  data,
  metadata,
  recordedAt: new Date('2026-11-16T01:00:00Z'),
});

describe('toHistoryEvent', () => {
  it('shows the stored event with its actor, cause, chain links and summary', () => {
    const event = stored(
      'IncomingProcessingStarted',
      { documentId: 'd1', agencyCode: '000.00.00.H41', startedAt: '2026-11-16T08:00:00+07:00', startedBy: clerk, source: null },
      { actor: clerk, onBehalfOf: null, commandId: 'c1', causationId: 'c0', correlationId: 'c0', occurredAt: '2026-11-16T08:00:00+07:00',
        schemaVersion: 1, previousHash: 'aa', hash: 'bb' },
    );
    expect(toHistoryEvent(incoming, event, new Upcasters())).toMatchObject({
      revision: 1,
      actor: { username: 'vanthu.ubnd', role: 'CLERK', roles: ['CLERK'] },
      onBehalfOf: null,
      summary: 'Văn thư Trần Thị Thư bắt đầu xử lý văn bản',
      causationId: 'c0',
      previousHash: 'aa',
      hash: 'bb',
      occurredAt: '2026-11-16T08:00:00+07:00',
      data: event.data,
      metadata: event.metadata,
    });
  });

  it('still shows an altered or unknown event, with a plain summary and nulls for what it cannot read', () => {
    const altered = toHistoryEvent(incoming, stored('IncomingDocumentReceived', { subject: 'no sender' }, { actor: 'nobody', occurredAt: 'yesterday' }), new Upcasters());
    expect(altered).toMatchObject({ actor: null, occurredAt: null, hash: null, summary: 'Hệ thống: IncomingDocumentReceived' });
    const unknown = toHistoryEvent(incoming, stored('SomethingNew', {}, { actor: clerk }), new Upcasters());
    expect(unknown.summary).toBe('Văn thư Trần Thị Thư: SomethingNew');
  });
});

describe('actorPhrase', () => {
  it('names the role, and whom a delegate acted for', () => {
    const leader = readActor({ ...clerk, username: 'lanhdao.ubnd', fullName: 'Lê Văn Đạo', role: 'LEADER' });
    expect(actorPhrase(readActor(clerk), null)).toBe('Văn thư Trần Thị Thư');
    expect(actorPhrase(leader, readActor({ username: 'ct', fullName: 'Nguyễn Văn A' }))).toBe('Lãnh đạo Lê Văn Đạo (thay Nguyễn Văn A)');
    expect(actorPhrase(readActor({ username: 'x', fullName: 'Không Vai Trò', role: 'JANITOR' }), null)).toBe('Không Vai Trò');
  });
});
