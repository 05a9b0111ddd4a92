/**
 * Folds Vietnamese text for accent-insensitive search: NFD, combining marks removed, đ/Đ → d, lower-cased,
 * whitespace collapsed. `Quyết định` and `quyet dinh` fold alike. The projection stores the folded subject and
 * number/notation in `search_text`; the API folds the user's text the same way (see `searchTextPattern`).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** What `search_text` holds for a document: its subject, then `number/notation`. */
export function incomingSearchText(subject: string, codeNumber: string, codeNotation: string): string {
  return foldVietnamese(`${subject} ${codeNumber}/${codeNotation}`);
}

/**
 * A `LIKE`/`ILIKE` pattern matching `search_text` values that contain the folded `text`, with the pattern
 * characters `%`, `_` and `\` escaped (PostgreSQL's default escape is `\`).
 */
export function searchTextPattern(text: string): string {
  return `%${foldVietnamese(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
