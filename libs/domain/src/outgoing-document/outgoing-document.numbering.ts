import { instantMillis } from '../shared/time';
import type { DocumentTypeDefinition } from '../document-types/document-types';

/**
 * Số, ký hiệu and mã định danh of an outgoing document (Decree 30 Điều 15, Phụ lục I Phần I.II.3;
 * QĐ 395/QĐ-BTTTT, domain.md §4).
 *
 * - Số (`codeNumber`): Arabic digits, a leading 0 below 10: `05`, `12`, `123`.
 * - Ký hiệu (`codeNotation`): groups joined by `-`, no spaces: type abbreviation + agency abbreviation
 *   (`QĐ-UBND`), or for Công văn agency abbreviation + drafting-unit abbreviation (`UBND-VP`).
 *   Shown as `Số: 05/QĐ-UBND` (`codeNumber/codeNotation`, see `numberAndNotation`).
 * - Mã định danh văn bản: issuing-agency identifier + year of issue + sequence of the document among the
 *   agency's documents of that year. domain.md §4 found no official separator or padding and proposes
 *   `{OrganId}.{YYYY}.{seq}`; the components are stored separately and the canonical string is rendered
 *   unpadded, e.g. `000.00.01.H41.2025.17`.
 */

/** An agency or unit abbreviation: upper-case letters (Vietnamese included) and digits, at most 20. */
export const ABBREVIATION_PATTERN = /^[\p{Lu}\d]{1,20}$/u;

/** `5` → `05`, `12` → `12`, `123` → `123`. */
export function renderCodeNumber(number: number): string {
  return String(number).padStart(2, '0');
}

/**
 * The notation for a document type. `unitAbbreviation` is needed (non-null) for the `AGENCY_UNIT` style
 * (Công văn, Thư công) and ignored otherwise. Abbreviations must already be valid (`ABBREVIATION_PATTERN`).
 */
export function renderCodeNotation(
  documentType: DocumentTypeDefinition,
  agencyAbbreviation: string,
  unitAbbreviation: string | null,
): string {
  switch (documentType.notationStyle) {
    case 'TYPE_AGENCY':
      return `${documentType.abbreviation ?? ''}-${agencyAbbreviation}`;
    case 'AGENCY_UNIT':
      return `${agencyAbbreviation}-${unitAbbreviation ?? ''}`;
    default: {
      const _exhaustive: never = documentType.notationStyle;
      return _exhaustive;
    }
  }
}

/** `05/QĐ-UBND`. */
export function numberAndNotation(codeNumber: string, codeNotation: string): string {
  return `${codeNumber}/${codeNotation}`;
}

/** Mã định danh văn bản, kept as components and as the canonical string. */
export interface DocumentIdentifier {
  /** The issuing agency's mã định danh, e.g. `000.00.01.H41`. */
  readonly agencyCode: string;
  readonly year: number;
  /** 1, 2, 3 … per agency and year, over all of the agency's outgoing registers. */
  readonly sequence: number;
  /** `{agencyCode}.{year}.{sequence}`, e.g. `000.00.01.H41.2025.17`. */
  readonly value: string;
}

export function documentIdentifier(agencyCode: string, year: number, sequence: number): DocumentIdentifier {
  return { agencyCode, year, sequence, value: `${agencyCode}.${year}.${sequence}` };
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The Vietnam calendar date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh = UTC+07:00 without daylight saving) of a valid
 * ISO 8601 instant in any offset: `2025-12-31T17:10:00Z` → `2026-01-01`.
 */
export function vietnamDateOf(instant: string): string {
  return new Date(instantMillis(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
