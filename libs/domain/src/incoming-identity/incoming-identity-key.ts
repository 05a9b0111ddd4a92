import { foldForComparison } from '../shared/text';

/** What identifies an incoming document for duplicate detection (Phú Thọ Điều 11.3; Decree 30 Phụ lục VI III.1.h). */
export interface IncomingIdentityParts {
  /** The RECEIVING agency: the same document received by two agencies is no duplicate. */
  readonly recipientAgencyCode: string;
  /** The sender's agency code when known, else its name. */
  readonly sender: { readonly agencyCode: string | null; readonly name: string };
  readonly codeNumber: string;
  readonly codeNotation: string;
  /** `YYYY-MM-DD`; only the year is part of the key. */
  readonly issuedDate: string;
}

const SEPARATOR = '|';

function part(value: string): string {
  return foldForComparison(value).split(SEPARATOR).join('/');
}

/** `05` and `5` are the same number. */
function numberPart(codeNumber: string): string {
  const folded = part(codeNumber);
  return /^\d+$/u.test(folded) ? folded.replace(/^0+(?=\d)/u, '') : folded;
}

/** `QĐ - UBND` and `qđ-ubnd` are the same notation. */
function notationPart(codeNotation: string): string {
  return part(codeNotation).replace(/\s*([-/])\s*/gu, '$1');
}

/**
 * The uniqueness key of an incoming document:
 * `<recipient agency>|code:<sender code>|<number>|<notation>|<issue year>` (or `name:<sender name>` when the
 * sender has no code), each part NFC, case-folded and whitespace-collapsed. Paper copies typed by a clerk only
 * match the electronic original when the sender is identified the same way, so the application should resolve
 * a sender name to its agency code from the directory when it can, before receiving the document.
 */
export function incomingIdentityKey(parts: IncomingIdentityParts): string {
  const senderCode = parts.sender.agencyCode === null ? '' : part(parts.sender.agencyCode);
  const sender = senderCode !== '' ? `code:${senderCode}` : `name:${part(parts.sender.name)}`;
  return [
    part(parts.recipientAgencyCode),
    sender,
    numberPart(parts.codeNumber),
    notationPart(parts.codeNotation),
    parts.issuedDate.slice(0, 4),
  ].join(SEPARATOR);
}

/** The receiving agency part of a key (as folded). */
export function recipientOfIdentityKey(key: string): string {
  return key.split(SEPARATOR, 1)[0];
}
