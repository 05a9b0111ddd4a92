/**
 * Sample incoming documents for specs (this lib's and the projections'): valid commands and the events the
 * decider produces from them, one scenario at an agency with a unit "Phòng Hành chính - Tổ chức".
 */
import type { Actor } from '../shared/decider';
import type { IncomingDocumentCommand } from '../incoming-document/incoming-document.commands';
import type {
  Assignee,
  Handler,
  IncomingAssignmentForwarded,
  IncomingDeadlineExtended,
  IncomingDocumentAssigned,
  IncomingDocumentCompleted,
  IncomingDocumentEvent,
  IncomingDocumentPresented,
  IncomingDocumentReceived,
  IncomingDocumentRecalled,
  IncomingDocumentRegistered,
  IncomingDocumentRejected,
  IncomingPaperCopyLinked,
  IncomingProcessingStarted,
  IncomingProgressReported,
  IncomingRecallRefused,
  IncomingRecallRequested,
  IncomingStatus,
} from '../incoming-document/incoming-document.events';
import { incomingIdentityKey } from '../incoming-identity/incoming-identity-key';
import { actor } from './actors';

export const AGENCY = '000.00.01.H41';
export const OTHER_AGENCY = '000.00.02.H41';
export const DOCUMENT_ID = 'doc-0001';
export const UNIT = 'unit-hctc';
export const OTHER_UNIT = 'unit-khtc';

/** Monday 3 March 2025 and after (Asia/Ho_Chi_Minh). */
export const T = {
  received: '2025-03-03T08:45:00+07:00',
  receiveNow: '2025-03-03T08:50:00+07:00',
  registrationDue: '2025-03-04T17:00:00+07:00',
  register: '2025-03-03T09:30:00+07:00',
  present: '2025-03-03T10:00:00+07:00',
  assign: '2025-03-03T14:00:00+07:00',
  forward: '2025-03-04T08:00:00+07:00',
  start: '2025-03-04T09:00:00+07:00',
  progress: '2025-03-06T10:00:00+07:00',
  complete: '2025-03-10T16:00:00+07:00',
  recall: '2025-03-05T09:00:00+07:00',
  /** The overall processing deadline given on assignment. */
  deadline: '2025-03-14T17:00:00+07:00',
  leadDeadline: '2025-03-12T17:00:00+07:00',
  extendedDeadline: '2025-03-21T17:00:00+07:00',
} as const;

export const clerk = actor('CLERK', { username: 'vt_tranthib', fullName: 'Trần Thị B' });
export const leader = actor('LEADER', { username: 'ld_levanc', fullName: 'Lê Văn C' });
export const unitHead = actor('UNIT_HEAD', { username: 'tp_phamvand', fullName: 'Phạm Văn D', unitId: UNIT });
export const otherUnitHead = actor('UNIT_HEAD', { username: 'tp_dothig', fullName: 'Đỗ Thị G', unitId: OTHER_UNIT });
export const officer = actor('OFFICER', { username: 'cv_hoangthie', fullName: 'Hoàng Thị E', unitId: UNIT });
export const coordinator = actor('OFFICER', { username: 'cv_vuvanh', fullName: 'Vũ Văn H', unitId: OTHER_UNIT });
/** Holds every role of the workflow: passes every role check, so status checks show. */
export const allRounder = actor(['CLERK', 'LEADER', 'UNIT_HEAD'], { username: 'all_rounder', fullName: 'Ngô Văn K', unitId: UNIT });
export const person = (who: Actor) => ({ username: who.username, fullName: who.fullName });

export const leadUnit: Handler = { username: null, unitId: UNIT, unitIdOfUser: null, fullName: 'Phòng Hành chính - Tổ chức' };
export const officerHandler: Handler = { username: officer.username, unitId: null, unitIdOfUser: UNIT, fullName: officer.fullName };

export const IDENTITY_KEY = incomingIdentityKey({
  recipientAgencyCode: AGENCY,
  sender: { agencyCode: '000.00.00.H41', name: 'UBND tỉnh Ninh Bình' },
  codeNumber: '05',
  codeNotation: 'QĐ-UBND',
  issuedDate: '2025-02-28',
});

type CommandOf<T extends IncomingDocumentCommand['type']> = Extract<IncomingDocumentCommand, { type: T }>;

export function command<T extends IncomingDocumentCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  by: Actor,
  now: string,
): CommandOf<T> {
  return { type, data, context: { actor: by, now } } as CommandOf<T>;
}

// ----- commands -------------------------------------------------------------------------------------------------

export const receiveData = (): CommandOf<'ReceiveIncomingDocument'>['data'] => ({
  documentId: DOCUMENT_ID,
  agencyCode: AGENCY,
  channel: 'INTERCONNECT',
  sender: { agencyCode: '000.00.00.H41', name: 'UBND tỉnh Ninh Bình' },
  codeNumber: '05',
  codeNotation: 'QĐ-UBND',
  issuedDate: '2025-02-28',
  documentType: 'Quyết định',
  subject: 'Về việc ban hành Quy chế quản lý văn bản điện tử',
  signer: { fullName: 'Nguyễn Cao Sơn', position: 'Chủ tịch' },
  urgency: 'URGENT',
  confidentiality: 'NONE',
  dueDate: '2025-03-20',
  attachments: [{ fileName: 'QD_05_UBND.pdf', mediaType: 'application/pdf', sizeBytes: 482_113, sha256: 'ab'.repeat(32) }],
  receivedAt: T.received,
  effectiveReceivedAt: T.received,
  registrationDueAt: T.registrationDue,
  urgencyDueAt: '2025-03-03T09:15:00+07:00',
  source: null,
});

export const receive = (data: Partial<CommandOf<'ReceiveIncomingDocument'>['data']> = {}, by: Actor = clerk, now: string = T.receiveNow) =>
  command('ReceiveIncomingDocument', { ...receiveData(), ...data }, by, now);

export const registerDocument = (data: Partial<CommandOf<'RegisterIncomingDocument'>['data']> = {}, by: Actor = clerk, now: string = T.register) =>
  command(
    'RegisterIncomingDocument',
    { documentId: DOCUMENT_ID, registerCode: 'DEN', year: 2025, arrivalNumber: 17, arrivalDate: '2025-03-03', identityKey: IDENTITY_KEY, ...data },
    by,
    now,
  );

export const linkPaperCopy = (data: Partial<CommandOf<'LinkPaperCopy'>['data']> = {}, by: Actor = clerk, now: string = T.register) =>
  command(
    'LinkPaperCopy',
    { documentId: DOCUMENT_ID, originalDocumentId: 'doc-electronic', originalArrivalNumber: 12, registerCode: 'DEN', year: 2025, ...data },
    by,
    now,
  );

export const rejectDocument = (data: Partial<CommandOf<'RejectIncomingDocument'>['data']> = {}, by: Actor = clerk, now: string = T.register) =>
  command('RejectIncomingDocument', { documentId: DOCUMENT_ID, reason: 'WRONG_RECIPIENT', note: '', ...data }, by, now);

export const presentDocument = (data: Partial<CommandOf<'PresentIncomingDocument'>['data']> = {}, by: Actor = clerk, now: string = T.present) =>
  command('PresentIncomingDocument', { documentId: DOCUMENT_ID, leaderUsername: leader.username, leaderFullName: leader.fullName, ...data }, by, now);

export const assignData = (): CommandOf<'AssignIncomingDocument'>['data'] => ({
  documentId: DOCUMENT_ID,
  assignees: [
    { role: 'LEAD', username: null, unitId: UNIT, unitIdOfUser: null, fullName: 'Phòng Hành chính - Tổ chức', deadline: T.leadDeadline },
    { role: 'COORDINATE', username: coordinator.username, unitId: null, unitIdOfUser: OTHER_UNIT, fullName: coordinator.fullName },
    { role: 'INFORMATION', username: null, unitId: OTHER_UNIT, unitIdOfUser: null, fullName: 'Phòng Kế hoạch - Tài chính', deadline: null },
  ],
  instruction: 'Giao Phòng HCTC chủ trì, tham mưu triển khai; Phòng KHTC phối hợp.',
  deadline: T.deadline,
});

export const assignDocument = (data: Partial<CommandOf<'AssignIncomingDocument'>['data']> = {}, by: Actor = leader, now: string = T.assign) =>
  command('AssignIncomingDocument', { ...assignData(), ...data }, by, now);

export const forwardAssignment = (data: Partial<CommandOf<'ForwardAssignment'>['data']> = {}, by: Actor = unitHead, now: string = T.forward) =>
  command(
    'ForwardAssignment',
    {
      documentId: DOCUMENT_ID,
      to: { username: officer.username, unitId: null, unitIdOfUser: UNIT, fullName: officer.fullName },
      instruction: 'Đ/c E nghiên cứu, dự thảo kế hoạch.',
      deadline: '2025-03-11T17:00:00+07:00',
      ...data,
    },
    by,
    now,
  );

export const startProcessing = (by: Actor = unitHead, now: string = T.start) => command('StartProcessing', { documentId: DOCUMENT_ID }, by, now);

export const reportProgress = (note = 'Đã dự thảo kế hoạch, đang lấy ý kiến.', by: Actor = unitHead, now: string = T.progress) =>
  command('ReportProgress', { documentId: DOCUMENT_ID, note }, by, now);

export const completeDocument = (data: Partial<CommandOf<'CompleteIncomingDocument'>['data']> = {}, by: Actor = unitHead, now: string = T.complete) =>
  command('CompleteIncomingDocument', { documentId: DOCUMENT_ID, result: 'Đã ban hành kế hoạch triển khai.', replyDocumentId: 'out-0042', ...data }, by, now);

export const extendDeadline = (data: Partial<CommandOf<'ExtendDeadline'>['data']> = {}, by: Actor = leader, now: string = T.start) =>
  command('ExtendDeadline', { documentId: DOCUMENT_ID, deadline: T.extendedDeadline, reason: 'Chờ ý kiến các sở, ngành', ...data }, by, now);

export const requestRecall = (reason = 'Văn bản ban hành sai thể thức', by: Actor = clerk, now: string = T.recall) =>
  command('ReceiveRecallRequest', { documentId: DOCUMENT_ID, reason }, by, now);

export const acknowledgeRecall = (by: Actor = clerk, now: string = T.recall) => command('AcknowledgeRecall', { documentId: DOCUMENT_ID }, by, now);

export const refuseRecall = (reason = 'Văn bản đã được triển khai', by: Actor = clerk, now: string = T.recall) =>
  command('RefuseRecall', { documentId: DOCUMENT_ID, reason }, by, now);

/** A valid command of every type but Receive, for transition matrices. */
export function sampleCommands(by: Actor, now: string): readonly Exclude<IncomingDocumentCommand, CommandOf<'ReceiveIncomingDocument'>>[] {
  return [
    registerDocument({}, by, now),
    linkPaperCopy({}, by, now),
    rejectDocument({}, by, now),
    presentDocument({}, by, now),
    assignDocument({}, by, now),
    forwardAssignment({}, by, now),
    startProcessing(by, now),
    reportProgress(undefined, by, now),
    completeDocument({}, by, now),
    extendDeadline({}, by, now),
    requestRecall(undefined, by, now),
    acknowledgeRecall(by, now),
    refuseRecall(undefined, by, now),
  ];
}

// ----- events ---------------------------------------------------------------------------------------------------

const common = { documentId: DOCUMENT_ID, agencyCode: AGENCY } as const;

export const received = (data: Partial<IncomingDocumentReceived['data']> = {}): IncomingDocumentReceived => {
  const { source, ...rest } = receiveData();
  return { type: 'IncomingDocumentReceived', data: { ...rest, source: source ?? null, receivedBy: person(clerk), ...data } };
};

export const registered = (data: Partial<IncomingDocumentRegistered['data']> = {}): IncomingDocumentRegistered => ({
  type: 'IncomingDocumentRegistered',
  data: {
    ...common,
    registerCode: 'DEN',
    year: 2025,
    arrivalNumber: 17,
    arrivalDate: '2025-03-03',
    identityKey: IDENTITY_KEY,
    registeredAt: T.register,
    registeredLate: false,
    registeredBy: person(clerk),
    source: null,
    ...data,
  },
});

export const paperCopyLinked = (data: Partial<IncomingPaperCopyLinked['data']> = {}): IncomingPaperCopyLinked => ({
  type: 'IncomingPaperCopyLinked',
  data: {
    ...common,
    originalDocumentId: 'doc-electronic',
    originalArrivalNumber: 12,
    registerCode: 'DEN',
    year: 2025,
    linkedAt: T.register,
    linkedBy: person(clerk),
    ...data,
  },
});

export const rejected = (data: Partial<IncomingDocumentRejected['data']> = {}): IncomingDocumentRejected => ({
  type: 'IncomingDocumentRejected',
  data: { ...common, reason: 'WRONG_RECIPIENT', note: '', rejectedAt: T.register, rejectedBy: person(clerk), source: null, ...data },
});

export const presented = (data: Partial<IncomingDocumentPresented['data']> = {}): IncomingDocumentPresented => ({
  type: 'IncomingDocumentPresented',
  data: { ...common, leader: person(leader), presentedAt: T.present, presentedBy: person(clerk), ...data },
});

export const assignedAssignees: readonly Assignee[] = [
  { role: 'LEAD', ...leadUnit, deadline: T.leadDeadline },
  { role: 'COORDINATE', username: coordinator.username, unitId: null, unitIdOfUser: OTHER_UNIT, fullName: coordinator.fullName, deadline: T.deadline },
  { role: 'INFORMATION', username: null, unitId: OTHER_UNIT, unitIdOfUser: null, fullName: 'Phòng Kế hoạch - Tài chính', deadline: T.deadline },
];

export const assigned = (data: Partial<IncomingDocumentAssigned['data']> = {}): IncomingDocumentAssigned => ({
  type: 'IncomingDocumentAssigned',
  data: {
    ...common,
    assignees: assignedAssignees,
    instruction: 'Giao Phòng HCTC chủ trì, tham mưu triển khai; Phòng KHTC phối hợp.',
    deadline: T.deadline,
    urgency: 'URGENT',
    assignedAt: T.assign,
    assignedBy: person(leader),
    routedByClerk: false,
    source: null,
    ...data,
  },
});

export const forwarded = (data: Partial<IncomingAssignmentForwarded['data']> = {}): IncomingAssignmentForwarded => ({
  type: 'IncomingAssignmentForwarded',
  data: {
    ...common,
    hop: 1,
    from: leadUnit,
    to: officerHandler,
    instruction: 'Đ/c E nghiên cứu, dự thảo kế hoạch.',
    deadline: '2025-03-11T17:00:00+07:00',
    urgency: 'URGENT',
    forwardedAt: T.forward,
    forwardedBy: person(unitHead),
    ...data,
  },
});

export const started = (data: Partial<IncomingProcessingStarted['data']> = {}): IncomingProcessingStarted => ({
  type: 'IncomingProcessingStarted',
  data: { ...common, startedAt: T.start, startedBy: person(unitHead), source: null, ...data },
});

export const progressReported = (data: Partial<IncomingProgressReported['data']> = {}): IncomingProgressReported => ({
  type: 'IncomingProgressReported',
  data: { ...common, note: 'Đã dự thảo kế hoạch, đang lấy ý kiến.', reportedAt: T.progress, reportedBy: person(unitHead), ...data },
});

export const completed = (data: Partial<IncomingDocumentCompleted['data']> = {}): IncomingDocumentCompleted => ({
  type: 'IncomingDocumentCompleted',
  data: {
    ...common,
    result: 'Đã ban hành kế hoạch triển khai.',
    replyDocumentId: 'out-0042',
    completedAt: T.complete,
    completedBy: person(unitHead),
    deadline: T.deadline,
    completedLate: false,
    source: null,
    ...data,
  },
});

export const deadlineExtended = (data: Partial<IncomingDeadlineExtended['data']> = {}): IncomingDeadlineExtended => ({
  type: 'IncomingDeadlineExtended',
  data: {
    ...common,
    previousDeadline: T.deadline,
    deadline: T.extendedDeadline,
    originalDeadline: T.deadline,
    leadDeadline: T.leadDeadline,
    reason: 'Chờ ý kiến các sở, ngành',
    extendedAt: T.start,
    extendedBy: person(leader),
    ...data,
  },
});

export const recallRequested = (previousStatus: IncomingStatus, data: Partial<IncomingRecallRequested['data']> = {}): IncomingRecallRequested => ({
  type: 'IncomingRecallRequested',
  data: {
    ...common,
    reason: 'Văn bản ban hành sai thể thức',
    previousStatus,
    requestedAt: T.recall,
    recordedBy: person(clerk),
    source: null,
    ...data,
  },
});

export const recalled = (previousStatus: IncomingStatus, data: Partial<IncomingDocumentRecalled['data']> = {}): IncomingDocumentRecalled => ({
  type: 'IncomingDocumentRecalled',
  data: { ...common, previousStatus, recalledAt: T.recall, recalledBy: person(clerk), source: null, ...data },
});

export const recallRefused = (restoredStatus: IncomingStatus, data: Partial<IncomingRecallRefused['data']> = {}): IncomingRecallRefused => ({
  type: 'IncomingRecallRefused',
  data: {
    ...common,
    reason: 'Văn bản đã được triển khai',
    restoredStatus,
    refusedAt: T.recall,
    refusedBy: person(clerk),
    source: null,
    ...data,
  },
});

/** A history leading to each status (the paper copy variant is `paperCopy`). */
export const HISTORY: Readonly<Record<IncomingStatus | 'paperCopy', readonly IncomingDocumentEvent[]>> = {
  RECEIVED: [received()],
  REJECTED: [received(), rejected()],
  REGISTERED: [received(), registered()],
  paperCopy: [received({ channel: 'PAPER' }), paperCopyLinked()],
  PRESENTED: [received(), registered(), presented()],
  ASSIGNED: [received(), registered(), presented(), assigned()],
  IN_PROGRESS: [received(), registered(), presented(), assigned(), started()],
  COMPLETED: [received(), registered(), presented(), assigned(), started(), completed()],
  RECALL_REQUESTED: [received(), registered(), recallRequested('REGISTERED')],
  RECALLED: [received(), registered(), recallRequested('REGISTERED'), recalled('REGISTERED')],
};
