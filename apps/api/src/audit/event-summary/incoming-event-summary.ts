import type {
  Assignee,
  AssignmentRole,
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
  IncomingReceiptDeadlinesRecomputed,
  IncomingRecallRefused,
  IncomingRecallRequested,
} from '@app/domain';
import { CHANNEL_LABELS, colonText, INCOMING_STATUS_LABELS, listNames, REJECTION_LABELS, URGENCY_LABELS, vnDate, vnDateTime } from './summary-phrases';

/**
 * One readable Vietnamese sentence per event of an incoming document, as an auditor reads the history.
 * `by` names who acted ("Văn thư Trần Thị Thư"), from the event's metadata.
 */
export function summarizeIncomingEvent(event: IncomingDocumentEvent, by: string): string {
  switch (event.type) {
    case 'IncomingDocumentReceived':
      return received(event.data, by);
    case 'IncomingDocumentRegistered':
      return registered(event.data, by);
    case 'IncomingPaperCopyLinked':
      return paperCopyLinked(event.data, by);
    case 'IncomingDocumentRejected':
      return rejected(event.data, by);
    case 'IncomingDocumentPresented':
      return presented(event.data, by);
    case 'IncomingDocumentAssigned':
      return assigned(event.data, by);
    case 'IncomingAssignmentForwarded':
      return forwarded(event.data, by);
    case 'IncomingProcessingStarted':
      return started(event.data, by);
    case 'IncomingProgressReported':
      return progressReported(event.data, by);
    case 'IncomingDocumentCompleted':
      return completed(event.data, by);
    case 'IncomingDeadlineExtended':
      return deadlineExtended(event.data, by);
    case 'IncomingRecallRequested':
      return recallRequested(event.data, by);
    case 'IncomingDocumentRecalled':
      return recalled(event.data, by);
    case 'IncomingRecallRefused':
      return recallRefused(event.data, by);
    case 'IncomingReceiptDeadlinesRecomputed':
      return receiptDeadlinesRecomputed(event.data, by);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function received(d: IncomingDocumentReceived['data'], by: string): string {
  const urgency = d.urgency === 'NORMAL' ? '' : `, độ khẩn ${URGENCY_LABELS[d.urgency]}`;
  return `${by} tiếp nhận văn bản đến số ${d.codeNumber}/${d.codeNotation} ngày ${vnDate(d.issuedDate)} của ${d.sender.name} ` +
    `(${CHANNEL_LABELS[d.channel]}${urgency}): ${d.subject}`;
}

function registered(d: IncomingDocumentRegistered['data'], by: string): string {
  const late = d.registeredLate ? ', quá hạn vào sổ' : '';
  return `${by} vào sổ văn bản đến số ${d.arrivalNumber} (sổ ${d.registerCode}/${d.year}), ngày đến ${vnDate(d.arrivalDate)}${late}`;
}

function paperCopyLinked(d: IncomingPaperCopyLinked['data'], by: string): string {
  return `${by} ghi nhận bản giấy của văn bản điện tử đã vào sổ số ${d.originalArrivalNumber} (sổ ${d.registerCode}/${d.year})`;
}

function rejected(d: IncomingDocumentRejected['data'], by: string): string {
  return `${by} từ chối tiếp nhận: ${REJECTION_LABELS[d.reason]}${d.note.trim() === '' ? '' : ` (${d.note.trim()})`}`;
}

function presented(d: IncomingDocumentPresented['data'], by: string): string {
  return `${by} trình văn bản lên ${d.leader.fullName}`;
}

const ROLE_PHRASES: readonly [AssignmentRole, string][] = [['LEAD', 'chủ trì'], ['COORDINATE', 'phối hợp'], ['INFORMATION', 'để biết']];

function assigned(d: IncomingDocumentAssigned['data'], by: string): string {
  const lines = ROLE_PHRASES.flatMap(([role, phrase]) => {
    const names = d.assignees.filter((a: Assignee) => a.role === role).map((a) => a.fullName);
    return names.length === 0 ? [] : [`${phrase}: ${listNames(names)}`];
  });
  const verb = d.routedByClerk ? 'chuyển xử lý' : 'phân công';
  const instruction = d.instruction.trim() === '' ? '' : `; bút phê: “${d.instruction.trim()}”`;
  return `${by} ${verb} ${lines.join('; ')}; hạn xử lý ${vnDateTime(d.deadline)}${instruction}`;
}

function forwarded(d: IncomingAssignmentForwarded['data'], by: string): string {
  return `${by} chuyển xử lý (lần ${d.hop}) từ ${d.from.fullName} đến ${d.to.fullName}, hạn ${vnDateTime(d.deadline)}${colonText(d.instruction)}`;
}

function started(_d: IncomingProcessingStarted['data'], by: string): string {
  return `${by} bắt đầu xử lý văn bản`;
}

function progressReported(d: IncomingProgressReported['data'], by: string): string {
  return `${by} báo cáo tiến độ${colonText(d.note)}`;
}

function completed(d: IncomingDocumentCompleted['data'], by: string): string {
  const late = d.completedLate ? ' (quá hạn)' : '';
  const reply = d.replyDocumentId ? ` (văn bản trả lời ${d.replyDocumentId})` : '';
  return `${by} hoàn thành xử lý${late}${colonText(d.result)}${reply}`;
}

function deadlineExtended(d: IncomingDeadlineExtended['data'], by: string): string {
  return `${by} gia hạn xử lý từ ${vnDateTime(d.previousDeadline)} đến ${vnDateTime(d.deadline)}${colonText(d.reason)}`;
}

function recallRequested(d: IncomingRecallRequested['data'], by: string): string {
  return `${by} ghi nhận yêu cầu thu hồi của nơi gửi${colonText(d.reason)}`;
}

function recalled(_d: IncomingDocumentRecalled['data'], by: string): string {
  return `${by} thu hồi văn bản theo yêu cầu của nơi gửi`;
}

function recallRefused(d: IncomingRecallRefused['data'], by: string): string {
  return `${by} từ chối thu hồi, văn bản trở lại trạng thái ${INCOMING_STATUS_LABELS[d.restoredStatus]}${colonText(d.reason)}`;
}

function receiptDeadlinesRecomputed(d: IncomingReceiptDeadlinesRecomputed['data'], by: string): string {
  return `${by} tính lại hạn vào sổ theo lịch làm việc: từ ${vnDateTime(d.previous.registrationDueAt)} ` +
    `thành ${vnDateTime(d.registrationDueAt)}${colonText(d.reason)}`;
}
