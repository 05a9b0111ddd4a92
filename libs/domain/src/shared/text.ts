/** All free text in event data is stored in Unicode NFC, trimmed (Vietnamese may arrive decomposed). */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Like `normalizeText` for an optional value; `null`/`undefined` stay `null`. */
export function normalizeOptionalText(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : normalizeText(value);
}

/** NFC, lower-cased (case-folded), whitespace collapsed to one space, trimmed: for comparison keys. */
export function foldForComparison(value: string): string {
  return value.normalize('NFC').toLowerCase().normalize('NFC').replace(/\s+/gu, ' ').trim();
}
