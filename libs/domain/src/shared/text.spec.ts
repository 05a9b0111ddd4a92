import { foldForComparison, normalizeOptionalText, normalizeText } from './text';

describe('text normalization', () => {
  it('stores text in NFC, trimmed', () => {
    const decomposed = ' Quyết định '.normalize('NFD');
    expect(normalizeText(decomposed)).toBe('Quyết định');
    expect(normalizeText(decomposed)).toBe('Quyết định'.normalize('NFC'));
  });

  it('keeps null optional text null', () => {
    expect(normalizeOptionalText(null)).toBeNull();
    expect(normalizeOptionalText(undefined)).toBeNull();
    expect(normalizeOptionalText(' a ')).toBe('a');
  });

  it('folds case and whitespace for comparison keys', () => {
    expect(foldForComparison('  ỦY BAN\tNhân   dân '.normalize('NFD'))).toBe('ủy ban nhân dân');
  });
});
