import type {
  Assignee,
  AssignmentRole,
  DomainEvent,
  Handler,
  IncomingDocumentEvent,
  PersonRef,
  RegisterEvent,
} from '@app/domain';
import { incomingStream, registerStream } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { EventLog } from './event-log';

/** Realistic event data for projection tests: one agency (UBND tỉnh Khánh Hòa), its clerk, leader, units and staff. */
export const AGENCY = '000.00.01.H41';
export const CLERK: PersonRef = { username: 'vanthu.lan', fullName: 'Nguyễn Thị Lan' };
export const LEADER: PersonRef = { username: 'pct.hung', fullName: 'Trần Văn Hùng' };
export const UNIT_HEAD: PersonRef = { username: 'tp.minh', fullName: 'Lê Quang Minh' };
export const OFFICER: PersonRef = { username: 'cv.thao', fullName: 'Phạm Thị Thảo' };
export const FINANCE_UNIT = 'u-tai-chinh';
export const PLANNING_UNIT = 'u-ke-hoach';

export function personHandler(person: PersonRef, unitIdOfUser: string | null): Handler {
  return { username: person.username, unitId: null, unitIdOfUser, fullName: person.fullName };
}

export function unitHandler(unitId: string, name: string): Handler {
  return { username: null, unitId, unitIdOfUser: null, fullName: name };
}

export function assignee(role: AssignmentRole, handler: Handler, deadline: string): Assignee {
  return { ...handler, role, deadline };
}

type DataOf<K extends IncomingDocumentEvent['type']> = Extract<IncomingDocumentEvent, { type: K }>['data'];
type Overrides<K extends IncomingDocumentEvent['type']> = Partial<DataOf<K>>;

function event<K extends IncomingDocumentEvent['type']>(type: K, data: DataOf<K>): DomainEvent {
  return { type, data };
}

/**
 * The events of one incoming document stream, appended to `log` with defaults a clerk would type for a
 * Sở Tài chính decision. Each method appends one event and returns it as recorded.
 */
export function incomingDocument(log: EventLog, documentId: string) {
  const append = (domainEvent: DomainEvent): RecordedEvent => log.append(incomingStream(documentId), domainEvent)[0];
  const ids = { documentId, agencyCode: AGENCY };
  return {
    received: (data: Overrides<'IncomingDocumentReceived'> = {}) =>
      append(
        event('IncomingDocumentReceived', {
          ...ids,
          channel: 'INTERCONNECT',
          sender: { agencyCode: '000.00.12.H41', name: 'Sở Tài chính tỉnh Khánh Hòa' },
          codeNumber: '05',
          codeNotation: 'QĐ-STC',
          issuedDate: '2025-03-03',
          documentType: 'Quyết định',
          subject: 'Quyết định phê duyệt dự toán kinh phí chuyển đổi số năm 2025',
          signer: { fullName: 'Võ Thị Hoa', position: 'Giám đốc' },
          urgency: 'NORMAL',
          confidentiality: 'NONE',
          dueDate: null,
          attachments: [{ fileName: 'qd-05-stc.pdf', mediaType: 'application/pdf', sizeBytes: 245760, sha256: 'ab'.repeat(32) }],
          receivedAt: '2025-03-04T08:15:00+07:00',
          effectiveReceivedAt: '2025-03-04T08:15:00+07:00',
          registrationDueAt: '2025-03-04T16:45:00+07:00',
          urgencyDueAt: null,
          source: null,
          receivedBy: CLERK,
          ...data,
        }),
      ),
    registered: (arrivalNumber: number, data: Overrides<'IncomingDocumentRegistered'> = {}) =>
      append(
        event('IncomingDocumentRegistered', {
          ...ids,
          registerCode: 'DEN',
          year: 2025,
          arrivalNumber,
          arrivalDate: '2025-03-04',
          identityKey: `${AGENCY}|000.00.12.H41|05|QĐ-STC|2025|${documentId}`,
          registeredAt: '2025-03-04T09:00:00+07:00',
          registeredLate: false,
          registeredBy: CLERK,
          source: null,
          ...data,
        }),
      ),
    paperCopyLinked: (originalDocumentId: string, originalArrivalNumber: number) =>
      append(
        event('IncomingPaperCopyLinked', {
          ...ids,
          originalDocumentId,
          originalArrivalNumber,
          registerCode: 'DEN',
          year: 2025,
          linkedAt: '2025-03-06T10:00:00+07:00',
          linkedBy: CLERK,
        }),
      ),
    rejected: (data: Overrides<'IncomingDocumentRejected'> = {}) =>
      append(
        event('IncomingDocumentRejected', {
          ...ids,
          reason: 'WRONG_RECIPIENT',
          note: 'Văn bản gửi nhầm, đề nghị gửi Sở Kế hoạch và Đầu tư',
          rejectedAt: '2025-03-04T09:30:00+07:00',
          rejectedBy: CLERK,
          source: null,
          ...data,
        }),
      ),
    presented: (leader: PersonRef = LEADER) =>
      append(event('IncomingDocumentPresented', { ...ids, leader, presentedAt: '2025-03-04T09:10:00+07:00', presentedBy: CLERK })),
    assigned: (assignees: readonly Assignee[], data: Overrides<'IncomingDocumentAssigned'> = {}) =>
      append(
        event('IncomingDocumentAssigned', {
          ...ids,
          assignees,
          instruction: 'Giao Phòng Tài chính chủ trì tham mưu, báo cáo trước hạn',
          deadline: '2025-03-14T17:00:00+07:00',
          urgency: 'NORMAL',
          assignedAt: '2025-03-04T14:00:00+07:00',
          assignedBy: LEADER,
          routedByClerk: false,
          source: null,
          ...data,
        }),
      ),
    forwarded: (hop: number, from: Handler, to: Handler, deadline: string, data: Overrides<'IncomingAssignmentForwarded'> = {}) =>
      append(
        event('IncomingAssignmentForwarded', {
          ...ids,
          hop,
          from,
          to,
          instruction: 'Đồng chí Thảo nghiên cứu, dự thảo văn bản trả lời',
          deadline,
          urgency: 'NORMAL',
          forwardedAt: '2025-03-05T08:30:00+07:00',
          forwardedBy: UNIT_HEAD,
          ...data,
        }),
      ),
    started: (by: PersonRef = OFFICER) =>
      append(event('IncomingProcessingStarted', { ...ids, startedAt: '2025-03-05T09:00:00+07:00', startedBy: by, source: null })),
    progress: (note: string, reportedAt: string, by: PersonRef = OFFICER) =>
      append(event('IncomingProgressReported', { ...ids, note, reportedAt, reportedBy: by })),
    extended: (data: Pick<DataOf<'IncomingDeadlineExtended'>, 'previousDeadline' | 'deadline' | 'originalDeadline' | 'leadDeadline'>) =>
      append(
        event('IncomingDeadlineExtended', {
          ...ids,
          reason: 'Chờ ý kiến thẩm định của Sở Tư pháp',
          extendedAt: '2025-03-12T10:00:00+07:00',
          extendedBy: LEADER,
          ...data,
        }),
      ),
    completed: (data: Overrides<'IncomingDocumentCompleted'> = {}) =>
      append(
        event('IncomingDocumentCompleted', {
          ...ids,
          result: 'Đã tham mưu văn bản trả lời số 120/UBND-TC',
          replyDocumentId: 'out-120',
          completedAt: '2025-03-13T15:00:00+07:00',
          completedBy: OFFICER,
          deadline: '2025-03-14T17:00:00+07:00',
          completedLate: false,
          source: null,
          ...data,
        }),
      ),
    recallRequested: (previousStatus: DataOf<'IncomingRecallRequested'>['previousStatus']) =>
      append(
        event('IncomingRecallRequested', {
          ...ids,
          reason: 'Văn bản có sai sót về số liệu, cơ quan gửi đề nghị thu hồi',
          previousStatus,
          requestedAt: '2025-03-06T10:00:00+07:00',
          recordedBy: CLERK,
          source: null,
        }),
      ),
    recalled: (previousStatus: DataOf<'IncomingDocumentRecalled'>['previousStatus']) =>
      append(
        event('IncomingDocumentRecalled', {
          ...ids,
          previousStatus,
          recalledAt: '2025-03-06T11:00:00+07:00',
          recalledBy: CLERK,
          source: null,
        }),
      ),
    recallRefused: (restoredStatus: DataOf<'IncomingRecallRefused'>['restoredStatus']) =>
      append(
        event('IncomingRecallRefused', {
          ...ids,
          reason: 'Văn bản đã được xử lý xong phần việc liên quan',
          restoredStatus,
          refusedAt: '2025-03-06T11:00:00+07:00',
          refusedBy: CLERK,
          source: null,
        }),
      ),
  };
}

type RegisterDataOf<K extends RegisterEvent['type']> = Extract<RegisterEvent, { type: K }>['data'];

/** The events of one register stream (`register-<agency>-<code>-<year>`). */
export function register(log: EventLog, registerCode: string, year: number, agencyCode = AGENCY) {
  const append = (domainEvent: DomainEvent): RecordedEvent =>
    log.append(registerStream(agencyCode, registerCode, year), domainEvent)[0];
  return {
    opened: (data: Pick<RegisterDataOf<'RegisterOpened'>, 'kind' | 'name' | 'documentTypes'>) =>
      append({
        type: 'RegisterOpened',
        data: { agencyCode, registerCode, year, lastNumber: 0, openedAt: `${year}-01-02T08:00:00+07:00`, ...data },
      }),
    allocated: (data: Pick<RegisterDataOf<'RegisterNumberAllocated'>, 'kind' | 'name' | 'number' | 'documentId'>) =>
      append({
        type: 'RegisterNumberAllocated',
        data: { agencyCode, registerCode, year, allocatedAt: `${year}-03-04T09:00:00+07:00`, ...data },
      }),
  };
}
