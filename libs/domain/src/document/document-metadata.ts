/**
 * Metadata shared by incoming and outgoing documents (api-contract.md enums; Decree 30 Phụ lục VI).
 */

/** thường, Khẩn, Thượng khẩn, Hỏa tốc. */
export type Urgency = 'NORMAL' | 'URGENT' | 'VERY_URGENT' | 'FLASH';
export const URGENCIES: readonly Urgency[] = ['NORMAL', 'URGENT', 'VERY_URGENT', 'FLASH'];

/** Only NONE is accepted by this system (Mật, Tối mật, Tuyệt mật are refused: CLASSIFIED_NOT_ALLOWED). */
export type Confidentiality = 'NONE' | 'SECRET' | 'TOP_SECRET' | 'ABSOLUTE_SECRET';
export const CONFIDENTIALITIES: readonly Confidentiality[] = ['NONE', 'SECRET', 'TOP_SECRET', 'ABSOLUTE_SECRET'];

/** liên thông, bản giấy, thư điện tử công vụ, fax, một cửa. */
export type ReceiptChannel = 'INTERCONNECT' | 'PAPER' | 'EMAIL' | 'FAX' | 'PORTAL';
export const RECEIPT_CHANNELS: readonly ReceiptChannel[] = ['INTERCONNECT', 'PAPER', 'EMAIL', 'FAX', 'PORTAL'];

/** An attached file (the bytes live in object storage; events keep its description and checksum). */
export interface Attachment {
  /** At most 50 ASCII letters, digits, `.`, `-`, `_` (Ninh Bình Điều 8.4). */
  readonly fileName: string;
  readonly mediaType: string;
  /** At most 50 MiB. */
  readonly sizeBytes: number;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
}

/** The issuing agency: `agencyCode` (mã định danh) when known, else null; `name` always. */
export interface Sender {
  readonly agencyCode: string | null;
  readonly name: string;
}

/** Người ký: full name and position (chức vụ; may be empty when the document does not show it). */
export interface Signer {
  readonly fullName: string;
  readonly position: string;
}

/**
 * Sort rank for inboxes: FLASH first (0), then VERY_URGENT (1), URGENT (2), NORMAL last (3)
 * (Phú Yên Điều 5.3: urgent documents are listed first).
 */
export function urgencyRank(urgency: Urgency): number {
  switch (urgency) {
    case 'FLASH':
      return 0;
    case 'VERY_URGENT':
      return 1;
    case 'URGENT':
      return 2;
    case 'NORMAL':
      return 3;
    default: {
      const _exhaustive: never = urgency;
      return _exhaustive;
    }
  }
}

/** Urgencies in inbox order, most urgent first. */
export const URGENCY_INBOX_ORDER: readonly Urgency[] = ['FLASH', 'VERY_URGENT', 'URGENT', 'NORMAL'];

/** Comparator for `Array.prototype.sort`: most urgent first. */
export function compareUrgency(a: Urgency, b: Urgency): number {
  return urgencyRank(a) - urgencyRank(b);
}
