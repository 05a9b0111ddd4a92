import { DeciderSpecification, actor } from '../testing';
import {
  AGENCY,
  DOCUMENT_ID,
  HISTORY,
  OTHER_AGENCY,
  T,
  clerk,
  command,
  received,
  registerDocument,
  registered,
} from '../testing/incoming-document.fixtures';
import type { RecomputeReceiptDeadlines } from './incoming-document.commands';
import type { IncomingReceiptDeadlinesRecomputed } from './incoming-document.events';
import { incomingDocumentDecider } from './incoming-document.decider';

const spec = DeciderSpecification.for(incomingDocumentDecider);

const admin = actor('ADMIN', { username: 'qt_nguyenvanq', fullName: 'Nguyễn Văn Quản' });
const NOW = '2025-03-03T11:00:00+07:00';
const REASON = 'Tính lại theo lịch làm việc do Nguyễn Văn Quản cập nhật lúc 2025-03-03T10:55:00+07:00';

/** 4 March 2025 declared a day off: the document is due on the 5th, its urgency alert moves with it. */
const MOVED = {
  effectiveReceivedAt: T.received,
  registrationDueAt: '2025-03-05T17:00:00+07:00',
  urgencyDueAt: '2025-03-03T09:45:00+07:00',
} as const;
const BEFORE = { effectiveReceivedAt: T.received, registrationDueAt: T.registrationDue, urgencyDueAt: '2025-03-03T09:15:00+07:00' } as const;

const recompute = (data: Partial<RecomputeReceiptDeadlines['data']> = {}, by = admin): RecomputeReceiptDeadlines =>
  command('RecomputeReceiptDeadlines', { documentId: DOCUMENT_ID, ...MOVED, reason: REASON, ...data }, by, NOW);

const recomputed = (data: Partial<IncomingReceiptDeadlinesRecomputed['data']> = {}): IncomingReceiptDeadlinesRecomputed => ({
  type: 'IncomingReceiptDeadlinesRecomputed',
  data: {
    documentId: DOCUMENT_ID,
    agencyCode: AGENCY,
    ...MOVED,
    previous: BEFORE,
    reason: REASON,
    recomputedAt: NOW,
    recomputedBy: { username: admin.username, fullName: admin.fullName },
    ...data,
  },
});

describe('incoming document decider: receipt deadlines recomputed on a changed working calendar', () => {
  describe('when received', () => {
    it('moves all three instants and keeps the previous ones for the audit', () => {
      const state = spec.given(HISTORY.RECEIVED).when(recompute()).then([recomputed()]);
      expect(state).toMatchObject({ status: 'RECEIVED', document: MOVED });
    });

    it('judges a later registration against the recomputed deadline', () => {
      const onTheFifth = '2025-03-05T10:00:00+07:00';
      spec
        .given([...HISTORY.RECEIVED, recomputed()])
        .when(registerDocument({ arrivalDate: '2025-03-05' }, clerk, onTheFifth))
        .then([registered({ arrivalDate: '2025-03-05', registeredAt: onTheFifth, registeredLate: false })]);
    });

    it('appends nothing when no instant moves, whatever offset the instants are written in', () => {
      spec
        .given(HISTORY.RECEIVED)
        .when(recompute({ effectiveReceivedAt: '2025-03-03T01:45:00Z', registrationDueAt: '2025-03-04T10:00:00Z', urgencyDueAt: BEFORE.urgencyDueAt }))
        .thenNothingHappens();
    });

    it('moves the effective receipt of a document received on a day that became a holiday', () => {
      const moved = { effectiveReceivedAt: '2025-03-04T08:00:00+07:00', registrationDueAt: '2025-03-05T17:00:00+07:00', urgencyDueAt: '2025-03-04T10:00:00+07:00' };
      spec.given(HISTORY.RECEIVED).when(recompute(moved)).then([recomputed(moved)]);
    });

    it('refuses instants out of order, naming the field', () => {
      spec
        .given(HISTORY.RECEIVED)
        .when(recompute({ effectiveReceivedAt: '2025-03-03T08:00:00+07:00' }))
        .thenThrows('VALIDATION_FAILED', { field: 'effectiveReceivedAt', reason: 'BEFORE_RECEIVED_AT' });
      spec
        .given(HISTORY.RECEIVED)
        .when(recompute({ registrationDueAt: '2025-03-03T08:00:00+07:00' }))
        .thenThrows('VALIDATION_FAILED', { field: 'registrationDueAt', reason: 'BEFORE_EFFECTIVE_RECEIVED_AT' });
      spec.given(HISTORY.RECEIVED).when(recompute({ registrationDueAt: '5 March' })).thenThrows('VALIDATION_FAILED', { field: 'registrationDueAt' });
    });

    it('refuses to add or drop the urgency alert, which follows the urgency set at receipt', () => {
      spec
        .given(HISTORY.RECEIVED)
        .when(recompute({ urgencyDueAt: null }))
        .thenThrows('VALIDATION_FAILED', { field: 'urgencyDueAt', reason: 'URGENCY_MISMATCH' });
      spec
        .given([received({ urgency: 'NORMAL', urgencyDueAt: null })])
        .when(recompute())
        .thenThrows('VALIDATION_FAILED', { field: 'urgencyDueAt', reason: 'URGENCY_MISMATCH' });
    });

    it('requires a reason', () => {
      spec.given(HISTORY.RECEIVED).when(recompute({ reason: '  ' })).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });

    it('is for an ADMIN of the agency only', () => {
      spec.given(HISTORY.RECEIVED).when(recompute({}, clerk)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE', requiredRoles: ['ADMIN'] });
      spec
        .given(HISTORY.RECEIVED)
        .when(recompute({}, actor('ADMIN', { agencyCode: OTHER_AGENCY })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY', agencyCode: AGENCY });
    });
  });

  describe.each(['REGISTERED', 'PRESENTED'] as const)('when %s', (status) => {
    it('moves only the urgency alert: the receipt instants are history once registered', () => {
      const state = spec
        .given(HISTORY[status])
        .when(recompute())
        .then([recomputed({ effectiveReceivedAt: BEFORE.effectiveReceivedAt, registrationDueAt: BEFORE.registrationDueAt })]);
      expect(state).toMatchObject({ status, document: { ...BEFORE, urgencyDueAt: MOVED.urgencyDueAt } });
    });

    it('appends nothing for a document without urgency alert', () => {
      spec
        .given([received({ urgency: 'NORMAL', urgencyDueAt: null }), ...HISTORY[status].slice(1)])
        .when(recompute({ urgencyDueAt: null }))
        .thenNothingHappens();
    });
  });

  it('refuses a missing document with NOT_FOUND', () => {
    spec.given([]).when(recompute()).thenThrows('NOT_FOUND', { documentId: DOCUMENT_ID });
  });

  it.each(['REJECTED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'RECALL_REQUESTED', 'RECALLED'] as const)(
    'when %s, it is an INVALID_TRANSITION: the deadlines it would move are met or gone',
    (status) => {
      spec
        .given(HISTORY[status])
        .when(recompute())
        .thenThrows('INVALID_TRANSITION', { status, command: 'RecomputeReceiptDeadlines', documentId: DOCUMENT_ID });
    },
  );
});
