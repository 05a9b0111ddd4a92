import { DomainError } from '../shared/domain-error';
import { normalizeText } from '../shared/text';
import type { Attachment } from './document-metadata';

/**
 * Rules for attached files (Ninh Bình QĐ 161/2025 Điều 8.3–8.4, TT 39/2017/TT-BTTTT):
 * name of at most 50 ASCII letters, digits, `.`, `-`, `_` (no Vietnamese diacritics, no special characters);
 * at most 50 MB each; text, spreadsheet and image formats only. Signed documents must be PDF (Điều 8.3.b),
 * which outgoing documents check with `SIGNED_DOCUMENT_EXTENSIONS`.
 */
export const MAX_ATTACHMENT_FILE_NAME_LENGTH = 50;
export const MAX_ATTACHMENT_SIZE_BYTES = 50 * 1024 * 1024;
export const ALLOWED_ATTACHMENT_EXTENSIONS: readonly string[] = [
  'txt',
  'rtf',
  'doc',
  'docx',
  'odt',
  'pdf',
  'csv',
  'xls',
  'xlsx',
  'ods',
  'png',
  'jpg',
  'tif',
];
export const SIGNED_DOCUMENT_EXTENSIONS: readonly string[] = ['pdf'];

const FILE_NAME_CHARACTERS = /^[A-Za-z0-9._-]+$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Which rule an attachment broke: `details.rule` of ATTACHMENT_REJECTED. */
export type AttachmentRule =
  | 'FILE_NAME_REQUIRED'
  | 'FILE_NAME_TOO_LONG'
  | 'FILE_NAME_CHARACTERS'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_TOO_LARGE'
  | 'SIZE_INVALID'
  | 'MEDIA_TYPE_REQUIRED'
  | 'SHA256_INVALID';

/** The lower-case extension of a file name (`''` when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function reject(fileName: string, rule: AttachmentRule, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('ATTACHMENT_REJECTED', `Attachment "${fileName}": ${message}`, { fileName, rule, ...extra });
}

/**
 * The attachment as stored (media type trimmed, checksum lower-case), or ATTACHMENT_REJECTED `{ fileName, rule }`.
 * `allowedExtensions` narrows the list (e.g. `SIGNED_DOCUMENT_EXTENSIONS`).
 */
export function checkAttachment(
  attachment: Attachment,
  allowedExtensions: readonly string[] = ALLOWED_ATTACHMENT_EXTENSIONS,
): Attachment {
  const fileName = typeof attachment.fileName === 'string' ? attachment.fileName.trim() : '';
  if (fileName === '') throw reject(fileName, 'FILE_NAME_REQUIRED', 'a file name is required');
  if (fileName.length > MAX_ATTACHMENT_FILE_NAME_LENGTH) {
    throw reject(fileName, 'FILE_NAME_TOO_LONG', `the file name must be at most ${MAX_ATTACHMENT_FILE_NAME_LENGTH} characters`, {
      maxLength: MAX_ATTACHMENT_FILE_NAME_LENGTH,
    });
  }
  if (!FILE_NAME_CHARACTERS.test(fileName)) {
    throw reject(fileName, 'FILE_NAME_CHARACTERS', 'the file name may only use ASCII letters, digits, ".", "-" and "_"');
  }
  const extension = extensionOf(fileName);
  if (!allowedExtensions.includes(extension)) {
    throw reject(fileName, 'FILE_TYPE_NOT_ALLOWED', `the file type must be one of ${allowedExtensions.join(', ')}`, {
      extension,
      allowedExtensions,
    });
  }
  if (typeof attachment.sizeBytes !== 'number' || !Number.isSafeInteger(attachment.sizeBytes) || attachment.sizeBytes < 0) {
    throw reject(fileName, 'SIZE_INVALID', 'the size must be a whole number of bytes');
  }
  if (attachment.sizeBytes > MAX_ATTACHMENT_SIZE_BYTES) {
    throw reject(fileName, 'FILE_TOO_LARGE', 'the file must be at most 50 MB', {
      sizeBytes: attachment.sizeBytes,
      maxSizeBytes: MAX_ATTACHMENT_SIZE_BYTES,
    });
  }
  const mediaType = typeof attachment.mediaType === 'string' ? normalizeText(attachment.mediaType) : '';
  if (mediaType === '') throw reject(fileName, 'MEDIA_TYPE_REQUIRED', 'a media type is required');
  const sha256 = typeof attachment.sha256 === 'string' ? attachment.sha256.trim().toLowerCase() : '';
  if (!SHA256_HEX.test(sha256)) throw reject(fileName, 'SHA256_INVALID', 'the checksum must be a hexadecimal SHA-256');
  return { fileName, mediaType, sizeBytes: attachment.sizeBytes, sha256 };
}

/** `checkAttachment` for each; the first refusal wins. */
export function checkAttachments(
  attachments: readonly Attachment[],
  allowedExtensions: readonly string[] = ALLOWED_ATTACHMENT_EXTENSIONS,
): readonly Attachment[] {
  return attachments.map((attachment) => checkAttachment(attachment, allowedExtensions));
}
