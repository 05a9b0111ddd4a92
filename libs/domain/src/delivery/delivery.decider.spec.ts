import { DeciderSpecification, actor } from '../testing';
import type { Actor } from '../shared/decider';
import { INCOMING_DOCUMENT_EVENT_TYPES } from '../incoming-document/incoming-document.events';
import {
  AGENCY,
  DOCUMENT_ID,
  IN_SYSTEM,
  NAMED_KEY,
  OTHER_AGENCY,
  OUTSIDE,
  T,
  approver,
  clerk,
  issued,
  issuedRecipients,
  person,
} from '../outgoing-document/testing/outgoing-document.fixtures';
import {
  DELIVERY_STATUSES,
  deliveryStatusOfExchangeCode,
  deliveryStatusOfIncomingEvent,
  exchangeCodeOf,
  type DeliverySource,
  type DeliveryStatus,
} from './delivery-status';
import type { RecordDeliveryStatus, StartDeliveryTracking } from './delivery.commands';
import type { DeliveryEvent, DeliveryStatusRecorded, DeliveryTrackingStarted } from './delivery.events';
import { deliveryDecider, deliveryTo, startDeliveryTrackingData } from './delivery.decider';

const spec = DeciderSpecification.for(deliveryDecider);
/** The process manager acts as a system actor of the sending agency with the CLERK role. */
const processManager = actor('CLERK', { username: 'system.interconnect', fullName: 'Liên thông văn bản' });
const NOW = '2025-03-06T10:00:00+07:00';
const AT = '2025-03-05T08:00:00+07:00';

function startTracking(data: Partial<StartDeliveryTracking['data']> = {}, by: Actor = clerk, now: string = T.issue): StartDeliveryTracking {
  return { type: 'StartDeliveryTracking', data: { ...startDeliveryTrackingData(issued()), ...data }, context: { actor: by, now } };
}

function report(
  recipientAgencyCode: string,
  status: DeliveryStatus,
  data: Partial<RecordDeliveryStatus['data']> = {},
  by: Actor = clerk,
): RecordDeliveryStatus {
  const source: DeliverySource = recipientAgencyCode === IN_SYSTEM ? 'INTERCONNECT' : 'MANUAL';
  return { type: 'RecordDeliveryStatus', data: { documentId: DOCUMENT_ID, recipientAgencyCode, status, note: '', at: AT, source, ...data }, context: { actor: by, now: NOW } };
}

const started: DeliveryTrackingStarted = {
  type: 'DeliveryTrackingStarted',
  data: { documentId: DOCUMENT_ID, agencyCode: AGENCY, issuedAt: T.issue, recipients: issuedRecipients, startedAt: T.issue, startedBy: person(clerk) },
};

function recorded(
  recipientKey: string,
  status: DeliveryStatus,
  previousStatus: DeliveryStatus,
  data: Partial<DeliveryStatusRecorded['data']> = {},
): DeliveryStatusRecorded {
  const recipient = issuedRecipients.find((candidate) => candidate.recipientKey === recipientKey);
  if (!recipient) throw new Error(recipientKey);
  return {
    type: 'DeliveryStatusRecorded',
    data: {
      documentId: DOCUMENT_ID,
      agencyCode: AGENCY,
      recipientKey,
      recipientAgencyCode: recipient.agencyCode,
      recipientName: recipient.name,
      inSystem: recipient.inSystem,
      status,
      previousStatus,
      exchangeCode: exchangeCodeOf(status),
      note: '',
      at: AT,
      source: recipient.inSystem ? 'INTERCONNECT' : 'MANUAL',
      recordedAt: NOW,
      recordedBy: person(clerk),
      ...data,
    },
  };
}

/** A history where `key` went through `path` (each step from the previous one). */
function through(key: string, path: readonly DeliveryStatus[]): DeliveryEvent[] {
  return [started, ...path.map((status, index) => recorded(key, status, index === 0 ? 'PENDING' : path[index - 1]))];
}

describe('delivery decider: starting to track an issued document', () => {
  it('starts with every recipient PENDING, keyed by agency code or name', () => {
    const state = spec.given([]).when(startTracking()).then([started]);
    expect(state.status === 'TRACKING' && state.recipients.map((recipient) => [recipient.recipientKey, recipient.status, recipient.inSystem])).toEqual([
      [IN_SYSTEM, 'PENDING', true],
      [OUTSIDE, 'PENDING', false],
      [NAMED_KEY, 'PENDING', false],
    ]);
  });

  it('records nothing when started again with the same recipients (idempotent issue handler)', () => {
    spec.given([started]).when(startTracking()).thenNothingHappens();
  });

  it('refuses to start again with other recipients', () => {
    spec.given([started]).when(startTracking({ recipients: [{ agencyCode: OUTSIDE, name: 'Sở Tài chính', inSystem: false }] })).thenThrows('ALREADY_EXISTS');
  });

  it('refuses anyone but a CLERK, and another agency', () => {
    spec.given([]).when(startTracking({}, approver)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    spec.given([]).when(startTracking({ agencyCode: OTHER_AGENCY })).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
  });

  it.each([
    ['no recipient', { recipients: [] }, 'recipients', 'REQUIRED'],
    ['a recipient in the system without code', { recipients: [{ agencyCode: null, name: 'Sở X', inSystem: true }] }, 'recipients[0].inSystem', 'IN_SYSTEM_WITHOUT_CODE'],
    ['a recipient without the in-system flag', { recipients: [{ agencyCode: OUTSIDE, name: 'Sở X', inSystem: undefined as never }] }, 'recipients[0].inSystem', 'REQUIRED'],
    [
      'a recipient twice',
      { recipients: [{ agencyCode: OUTSIDE, name: 'Sở X', inSystem: false }, { agencyCode: OUTSIDE, name: 'Sở Y', inSystem: false }] },
      'recipients[1]',
      'DUPLICATE_RECIPIENT',
    ],
    ['an invalid issue time', { issuedAt: '2025-03-03' }, 'issuedAt', 'INVALID_INSTANT'],
  ])('refuses %s', (_label, data, field, reason) => {
    spec.given([]).when(startTracking(data)).thenThrows('VALIDATION_FAILED', { field, reason });
  });
});

describe('delivery decider: recording statuses', () => {
  it('refuses a status before tracking started (not issued)', () => {
    spec.given([]).when(report(OUTSIDE, 'SENT')).thenThrows('NOT_FOUND', { documentId: DOCUMENT_ID });
  });

  it('records a manual report for a recipient outside the system, with its history', () => {
    const state = spec.given([started]).when(report(OUTSIDE, 'SENT', { note: 'Gửi qua bưu điện' })).then([recorded(OUTSIDE, 'SENT', 'PENDING', { note: 'Gửi qua bưu điện', exchangeCode: null })]);
    expect(deliveryTo(state, OUTSIDE)).toMatchObject({ status: 'SENT', history: [{ status: 'SENT', note: 'Gửi qua bưu điện', source: 'MANUAL' }] });
  });

  it('addresses a recipient without agency code by its name key', () => {
    spec.given([started]).when(report(NAMED_KEY, 'ARRIVED')).then([recorded(NAMED_KEY, 'ARRIVED', 'PENDING')]);
  });

  it('records the process manager’s report for a recipient in the system, with the exchange code', () => {
    spec
      .given(through(IN_SYSTEM, ['SENT']))
      .when(report(IN_SYSTEM, 'ARRIVED', {}, processManager))
      .then([recorded(IN_SYSTEM, 'ARRIVED', 'SENT', { exchangeCode: '01', recordedBy: person(processManager) })]);
  });

  it('refuses a manual report for a recipient in the system', () => {
    spec.given([started]).when(report(IN_SYSTEM, 'ARRIVED', { source: 'MANUAL' })).thenThrows('VALIDATION_FAILED', { field: 'source', reason: 'RECIPIENT_IN_SYSTEM' });
  });

  it('refuses an interconnect report for a recipient outside the system', () => {
    spec.given([started]).when(report(OUTSIDE, 'ARRIVED', { source: 'INTERCONNECT' })).thenThrows('VALIDATION_FAILED', { field: 'source', reason: 'RECIPIENT_OUTSIDE_SYSTEM' });
  });

  it('refuses a recipient of no one (RECIPIENT_UNKNOWN)', () => {
    spec.given([started]).when(report('000.00.77.H41', 'SENT')).thenThrows('RECIPIENT_UNKNOWN', { recipientAgencyCode: '000.00.77.H41' });
  });

  it('refuses anyone but a CLERK of the sending agency', () => {
    spec.given([started]).when(report(OUTSIDE, 'SENT', {}, approver)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    spec.given([started]).when(report(OUTSIDE, 'SENT', {}, actor('CLERK', { agencyCode: OUTSIDE }))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
  });

  it.each([
    ['PENDING, where every recipient starts', { status: 'PENDING' as const }, 'status'],
    ['an unknown status', { status: 'LOST' as never }, 'status'],
    ['an unknown source', { source: 'FAX' as never }, 'source'],
    ['a time in the future', { at: '2025-03-06T10:00:01+07:00' }, 'at'],
    ['a time before the issue', { at: '2025-03-03T14:29:00+07:00' }, 'at'],
    ['a note over 1000 characters', { note: 'x'.repeat(1001) }, 'note'],
    ['a command for another document', { documentId: 'out-0002' }, 'documentId'],
  ])('refuses %s', (_label, data, field) => {
    spec.given([started]).when(report(OUTSIDE, 'SENT', data)).thenThrows('VALIDATION_FAILED', { field });
  });

  it('stores the note in NFC', () => {
    spec.given([started]).when(report(OUTSIDE, 'REJECTED', { note: ' Sai nơi nhận '.normalize('NFD') })).then([recorded(OUTSIDE, 'REJECTED', 'PENDING', { note: 'Sai nơi nhận' })]);
  });
});

describe('delivery decider: idempotency and order', () => {
  it('records nothing for the same status reported twice', () => {
    spec.given(through(IN_SYSTEM, ['SENT', 'ARRIVED'])).when(report(IN_SYSTEM, 'ARRIVED', {}, processManager)).thenNothingHappens();
  });

  it('records nothing for an older status already in the history (a replaying process manager)', () => {
    spec.given(through(IN_SYSTEM, ['SENT', 'ARRIVED', 'ACCEPTED', 'ASSIGNED'])).when(report(IN_SYSTEM, 'ARRIVED', {}, processManager)).thenNothingHappens();
  });

  it('lets a report skip steps forward', () => {
    spec.given([started]).when(report(OUTSIDE, 'COMPLETED')).then([recorded(OUTSIDE, 'COMPLETED', 'PENDING', { exchangeCode: '06' })]);
  });

  const refused: readonly [string, readonly DeliveryStatus[], DeliveryStatus][] = [
    ['a step it skipped', ['ACCEPTED'], 'ARRIVED'],
    ['SENT after ARRIVED', ['ARRIVED'], 'SENT'],
    ['REJECTED after ACCEPTED', ['ARRIVED', 'ACCEPTED'], 'REJECTED'],
    ['ACCEPTED after REJECTED', ['ARRIVED', 'REJECTED'], 'ACCEPTED'],
    ['ASSIGNED after REJECTED', ['REJECTED'], 'ASSIGNED'],
    ['IN_PROGRESS after COMPLETED', ['COMPLETED'], 'IN_PROGRESS'],
    ['a recall request to a recipient that rejected it', ['REJECTED'], 'RECALL_REQUESTED'],
    ['a recall answer without request', ['ASSIGNED'], 'RECALL_ACCEPTED'],
    ['a recall refusal without request', ['ASSIGNED'], 'RECALL_REFUSED'],
    ['progress while a recall is pending', ['ASSIGNED', 'RECALL_REQUESTED'], 'COMPLETED'],
    ['progress after the recall was accepted', ['ASSIGNED', 'RECALL_REQUESTED', 'RECALL_ACCEPTED'], 'COMPLETED'],
    ['a refusal after the recall was accepted', ['ASSIGNED', 'RECALL_REQUESTED', 'RECALL_ACCEPTED'], 'RECALL_REFUSED'],
    ['a step skipped before a refused recall', ['ARRIVED', 'IN_PROGRESS', 'RECALL_REQUESTED', 'RECALL_REFUSED'], 'ASSIGNED'],
  ];

  it.each(refused)('refuses going backwards: %s', (_label, path, next) => {
    const current = path[path.length - 1];
    spec
      .given(through(OUTSIDE, path))
      .when(report(OUTSIDE, next))
      .thenThrows('INVALID_TRANSITION', { status: current, requestedStatus: next, recipientKey: OUTSIDE, command: 'RecordDeliveryStatus', documentId: DOCUMENT_ID });
  });

  const allowed: readonly [string, readonly DeliveryStatus[], DeliveryStatus][] = [
    ['the main path, step by step: SENT', [], 'SENT'],
    ['ARRIVED after SENT', ['SENT'], 'ARRIVED'],
    ['ACCEPTED after ARRIVED', ['SENT', 'ARRIVED'], 'ACCEPTED'],
    ['REJECTED after ARRIVED', ['SENT', 'ARRIVED'], 'REJECTED'],
    ['ASSIGNED after ACCEPTED', ['ARRIVED', 'ACCEPTED'], 'ASSIGNED'],
    ['IN_PROGRESS after ASSIGNED', ['ACCEPTED', 'ASSIGNED'], 'IN_PROGRESS'],
    ['COMPLETED after IN_PROGRESS', ['ASSIGNED', 'IN_PROGRESS'], 'COMPLETED'],
    ['a recall request before sending', [], 'RECALL_REQUESTED'],
    ['a recall request after completion', ['COMPLETED'], 'RECALL_REQUESTED'],
    ['a recall accepted', ['ASSIGNED', 'RECALL_REQUESTED'], 'RECALL_ACCEPTED'],
    ['a recall refused', ['ASSIGNED', 'RECALL_REQUESTED'], 'RECALL_REFUSED'],
    ['progress after a refused recall', ['ARRIVED', 'IN_PROGRESS', 'RECALL_REQUESTED', 'RECALL_REFUSED'], 'COMPLETED'],
  ];

  it.each(allowed)('records %s', (_label, path, next) => {
    const previous = path.length === 0 ? 'PENDING' : path[path.length - 1];
    const state = spec.given(through(OUTSIDE, path)).when(report(OUTSIDE, next)).then([recorded(OUTSIDE, next, previous)]);
    expect(deliveryTo(state, OUTSIDE)?.history.map((entry) => entry.status)).toEqual([...path, next]);
  });

  it('records nothing for a repeated recall request after a refusal, and tracks recipients apart', () => {
    const history = through(OUTSIDE, ['ASSIGNED', 'RECALL_REQUESTED', 'RECALL_REFUSED']);
    spec.given(history).when(report(OUTSIDE, 'RECALL_REQUESTED')).thenNothingHappens();
    spec.given(history).when(report(NAMED_KEY, 'ASSIGNED')).then([recorded(NAMED_KEY, 'ASSIGNED', 'PENDING')]);
  });
});

describe('delivery statuses and exchange codes (domain.md §2)', () => {
  it.each([
    ['ARRIVED', '01'],
    ['REJECTED', '02'],
    ['ACCEPTED', '03'],
    ['ASSIGNED', '04'],
    ['IN_PROGRESS', '05'],
    ['COMPLETED', '06'],
    ['RECALL_REQUESTED', '13'],
    ['RECALL_ACCEPTED', '15'],
    ['RECALL_REFUSED', '16'],
  ] as const)('%s is exchange code %s and back', (status, code) => {
    expect(exchangeCodeOf(status)).toBe(code);
    expect(deliveryStatusOfExchangeCode(code)).toBe(status);
  });

  it('exchanges no code for PENDING and SENT, and knows no status for an unknown code', () => {
    expect(exchangeCodeOf('PENDING')).toBeNull();
    expect(exchangeCodeOf('SENT')).toBeNull();
    expect(deliveryStatusOfExchangeCode('07')).toBeNull();
    expect(DELIVERY_STATUSES).toHaveLength(11);
  });

  it('maps the recipient’s incoming document events to the statuses they report back', () => {
    const mapping = Object.fromEntries(INCOMING_DOCUMENT_EVENT_TYPES.map((type) => [type, deliveryStatusOfIncomingEvent(type)]));
    expect(mapping).toEqual({
      IncomingDocumentReceived: 'ARRIVED',
      IncomingDocumentRegistered: 'ACCEPTED',
      IncomingPaperCopyLinked: null,
      IncomingDocumentRejected: 'REJECTED',
      IncomingDocumentPresented: null,
      IncomingDocumentAssigned: 'ASSIGNED',
      IncomingAssignmentForwarded: null,
      IncomingProcessingStarted: 'IN_PROGRESS',
      IncomingProgressReported: null,
      IncomingReceiptDeadlinesRecomputed: null,
      IncomingDocumentCompleted: 'COMPLETED',
      IncomingDeadlineExtended: null,
      IncomingRecallRequested: 'RECALL_REQUESTED',
      IncomingDocumentRecalled: 'RECALL_ACCEPTED',
      IncomingRecallRefused: 'RECALL_REFUSED',
    });
  });
});
