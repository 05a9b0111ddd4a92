import type { DomainEvent } from '@app/domain';
import { deliveryStream, incomingStream } from '@app/domain';
import { issuedDocument, recalledDocument, IN_SYSTEM, testDeadlines } from '../testing/interconnect-test-kit';
import { recordedEvent } from '../testing/recorded-event';
import { deliveryStatusFlowBackManager } from './delivery-status-flow-back.manager';
import { interconnectCopyId } from './interconnect-copy';
import { interconnectDeliveryManager } from './interconnect-delivery.manager';

const NOW = '2026-11-23T09:00:00+07:00';

const recorded = (event: DomainEvent, metadata: Record<string, unknown> = {}) => recordedEvent(event, metadata, new Date(NOW));

describe('interconnectCopyId', () => {
  it('names one copy per document and recipient', () => {
    expect(interconnectCopyId('out-1', IN_SYSTEM[0])).toBe(interconnectCopyId('out-1', IN_SYSTEM[0]));
    expect(interconnectCopyId('out-1', IN_SYSTEM[0])).not.toBe(interconnectCopyId('out-1', IN_SYSTEM[1]));
    expect(interconnectCopyId('out-1', IN_SYSTEM[0])).not.toBe(interconnectCopyId('out-2', IN_SYSTEM[0]));
  });
});

describe('interconnect delivery manager', () => {
  const manager = interconnectDeliveryManager(testDeadlines);

  it('tracks the delivery first, then delivers to the recipients in the system only', async () => {
    const reaction = await manager.react(recorded(issuedDocument('out-1')), NOW);

    expect(reaction?.correlationId).toBe('out-1');
    expect(reaction?.commands.map(({ key, type, streamId }) => ({ key, type, streamId }))).toEqual([
      { key: 'track', type: 'StartDeliveryTracking', streamId: deliveryStream('out-1') },
      { key: `deliver:${IN_SYSTEM[0]}`, type: 'ReceiveIncomingDocument', streamId: incomingStream(interconnectCopyId('out-1', IN_SYSTEM[0])) },
      { key: `deliver:${IN_SYSTEM[1]}`, type: 'ReceiveIncomingDocument', streamId: incomingStream(interconnectCopyId('out-1', IN_SYSTEM[1])) },
    ]);
  });

  it('asks the sender’s delivery and each copy in the system for the recall', async () => {
    const reaction = await manager.react(recorded(recalledDocument('out-1')), NOW);

    expect(reaction?.commands.map(({ key, type }) => [key, type])).toEqual([
      [`recall-requested:${IN_SYSTEM[0]}`, 'RecordDeliveryStatus'],
      [`recall:${IN_SYSTEM[0]}`, 'ReceiveRecallRequest'],
      [`recall-requested:${IN_SYSTEM[1]}`, 'RecordDeliveryStatus'],
      [`recall:${IN_SYSTEM[1]}`, 'ReceiveRecallRequest'],
    ]);
  });
});

describe('delivery status flow-back manager', () => {
  const manager = deliveryStatusFlowBackManager();
  const source = { outgoingDocumentId: 'out-1', agencyCode: '000.00.01.H41' };

  it('reports to the sender’s delivery of the source document', async () => {
    const event = { type: 'IncomingProcessingStarted', data: { documentId: 'copy', agencyCode: IN_SYSTEM[0], startedAt: NOW, startedBy: { username: 'cv', fullName: 'C V' }, source } };
    const reaction = await manager.react(recorded(event, { occurredAt: '2026-11-23T08:59:00+07:00' }), NOW);

    expect(reaction).toEqual({ correlationId: 'out-1', commands: [expect.objectContaining({ key: 'status', type: 'RecordDeliveryStatus', streamId: deliveryStream('out-1') })] });
  });

  it('reports nothing for a document that did not come from this system', async () => {
    const event = { type: 'IncomingProcessingStarted', data: { documentId: 'copy', agencyCode: IN_SYSTEM[0], startedAt: NOW, startedBy: { username: 'cv', fullName: 'C V' }, source: null } };
    expect(await manager.react(recorded(event), NOW)).toBeNull();
  });

  it('listens to the events that carry a status only', () => {
    expect(manager.eventTypes).not.toContain('IncomingProgressReported');
    expect(manager.eventTypes).toEqual(expect.arrayContaining(['IncomingDocumentReceived', 'IncomingDocumentRecalled', 'IncomingRecallRefused']));
  });
});
