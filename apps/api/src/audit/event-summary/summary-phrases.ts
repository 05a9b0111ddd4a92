import type { IncomingStatus, ReceiptChannel, RejectionReason, Role, Urgency } from '@app/domain';
import { isIsoDate, isIsoInstant } from '@app/domain';
import { toVietnamIso } from '@app/working-time';

// Vietnamese words shared by the event summaries, and the formatting of dates as clerks write them.

export const ROLE_TITLES: Readonly<Record<Role, string>> = {
  ADMIN: 'Quản trị viên',
  CLERK: 'Văn thư',
  LEADER: 'Lãnh đạo',
  UNIT_HEAD: 'Lãnh đạo đơn vị',
  OFFICER: 'Chuyên viên',
  ARCHIVIST: 'Lưu trữ viên',
  AUDITOR: 'Kiểm tra viên',
};

export const CHANNEL_LABELS: Readonly<Record<ReceiptChannel, string>> = {
  INTERCONNECT: 'liên thông',
  PAPER: 'bản giấy',
  EMAIL: 'thư điện tử công vụ',
  FAX: 'fax',
  PORTAL: 'một cửa',
};

export const REJECTION_LABELS: Readonly<Record<RejectionReason, string>> = {
  WRONG_RECIPIENT: 'gửi sai nơi nhận',
  NOT_LEGALLY_VALID: 'văn bản không hợp lệ',
  DUPLICATE: 'trùng văn bản đã nhận',
  OTHER: 'lý do khác',
};

export const INCOMING_STATUS_LABELS: Readonly<Record<IncomingStatus, string>> = {
  RECEIVED: 'đã tiếp nhận',
  REJECTED: 'đã từ chối',
  REGISTERED: 'đã vào sổ',
  PRESENTED: 'đã trình',
  ASSIGNED: 'đã phân công',
  IN_PROGRESS: 'đang xử lý',
  COMPLETED: 'đã hoàn thành',
  RECALL_REQUESTED: 'đang yêu cầu thu hồi',
  RECALLED: 'đã thu hồi',
};

export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  NORMAL: 'thường',
  URGENT: 'Khẩn',
  VERY_URGENT: 'Thượng khẩn',
  FLASH: 'Hỏa tốc',
};

/** `2026-11-23` → `23/11/2026`; anything else as it is (a summary never fails on odd stored data). */
export function vnDate(date: string): string {
  return isIsoDate(date) ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : date;
}

/** An instant in Vietnam time as `17:00 ngày 23/11/2026`. */
export function vnDateTime(instant: string): string {
  if (!isIsoInstant(instant)) return instant;
  const local = toVietnamIso(instant);
  return `${local.slice(11, 16)} ngày ${vnDate(local.slice(0, 10))}`;
}

/** `: <text>` when there is text, so an empty note or instruction leaves no dangling colon. */
export function colonText(text: string): string {
  return text.trim() === '' ? '' : `: ${text.trim()}`;
}

/** `a, b và c`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
}
