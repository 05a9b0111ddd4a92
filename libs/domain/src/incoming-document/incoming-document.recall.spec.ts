import { DeciderSpecification, actor } from '../testing';
import { fold } from '../shared/decider';
import {
  HISTORY,
  T,
  acknowledgeRecall,
  clerk,
  completeDocument,
  leader,
  person,
  recallRefused,
  recallRequested,
  recalled,
  received,
  refuseRecall,
  registered,
  requestRecall,
  startProcessing,
} from '../testing/incoming-document.fixtures';
import { incomingDocumentDecider } from './incoming-document.decider';
import type { RecallableState } from './incoming-document.state';

const spec = DeciderSpecification.for(incomingDocumentDecider);
const RECALLABLE: readonly RecallableState['status'][] = ['RECEIVED', 'REGISTERED', 'PRESENTED', 'ASSIGNED', 'IN_PROGRESS'];

describe('incoming document decider: recall (thu hồi)', () => {
  describe.each(RECALLABLE)('when %s', (status) => {
    it('records the sender’s recall request (exchange code 13)', () => {
      const state = spec.given(HISTORY[status]).when(requestRecall()).then([recallRequested(status)]);
      expect(state).toMatchObject({ status: 'RECALL_REQUESTED', recallReason: 'Văn bản ban hành sai thể thức', previous: { status } });
    });
  });

  describe('when registered', () => {
    const given = HISTORY.REGISTERED;

    it('refuses a recall request without reason', () => {
      spec.given(given).when(requestRecall(' ')).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });

    it('refuses a recall request recorded by a LEADER', () => {
      spec.given(given).when(requestRecall('x', leader)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('carries the source into the request', () => {
      const source = { outgoingDocumentId: 'out-777', agencyCode: '000.00.00.H41' };
      spec.given([received({ source }), registered({ source })]).when(requestRecall()).then([recallRequested('REGISTERED', { source })]);
    });
  });

  describe('when completed', () => {
    it('can no longer be recalled', () => {
      spec.given(HISTORY.COMPLETED).when(requestRecall()).thenThrows('INVALID_TRANSITION', { status: 'COMPLETED', command: 'ReceiveRecallRequest' });
    });
  });

  describe('when recall requested', () => {
    const given = HISTORY.RECALL_REQUESTED;

    it('is recalled when the clerk acknowledges (exchange code 15)', () => {
      const state = spec.given(given).when(acknowledgeRecall()).then([recalled('REGISTERED')]);
      expect(state).toMatchObject({ status: 'RECALLED', recalledAt: T.recall, previous: { status: 'REGISTERED' } });
    });

    it('returns exactly to the state it had when the recall is refused (exchange code 16)', () => {
      const state = spec.given(given).when(refuseRecall()).then([recallRefused('REGISTERED')]);
      expect(state).toEqual(fold(incomingDocumentDecider, HISTORY.REGISTERED));
    });

    it('continues its processing after a refused recall', () => {
      const inProgress = [...HISTORY.IN_PROGRESS, recallRequested('IN_PROGRESS'), recallRefused('IN_PROGRESS')];
      spec.given(inProgress).when(completeDocument()).then([
        {
          type: 'IncomingDocumentCompleted',
          data: {
            documentId: 'doc-0001',
            agencyCode: '000.00.01.H41',
            result: 'Đã ban hành kế hoạch triển khai.',
            replyDocumentId: 'out-0042',
            completedAt: T.complete,
            completedBy: person(actor('UNIT_HEAD', { username: 'tp_phamvand', fullName: 'Phạm Văn D' })),
            deadline: T.deadline,
            completedLate: false,
            source: null,
          },
        },
      ]);
    });

    it('refuses a refusal without reason', () => {
      spec.given(given).when(refuseRecall('')).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });

    it('refuses an acknowledgement by a non-clerk', () => {
      spec.given(given).when(acknowledgeRecall(leader)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a second recall request', () => {
      spec.given(given).when(requestRecall()).thenThrows('INVALID_TRANSITION', { status: 'RECALL_REQUESTED', command: 'ReceiveRecallRequest' });
    });

    it('holds the processing while the recall is pending', () => {
      const pending = [...HISTORY.ASSIGNED, recallRequested('ASSIGNED')];
      spec.given(pending).when(startProcessing()).thenThrows('INVALID_TRANSITION', { status: 'RECALL_REQUESTED', command: 'StartProcessing' });
    });
  });

  describe('when recalled', () => {
    it('accepts nothing more', () => {
      spec.given(HISTORY.RECALLED).when(acknowledgeRecall(clerk)).thenThrows('INVALID_TRANSITION', { status: 'RECALLED', command: 'AcknowledgeRecall' });
      spec.given(HISTORY.RECALLED).when(requestRecall()).thenThrows('INVALID_TRANSITION', { status: 'RECALLED' });
    });
  });
});
