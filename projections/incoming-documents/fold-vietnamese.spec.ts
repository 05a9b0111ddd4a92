import { foldVietnamese, incomingSearchText, searchTextPattern } from './fold-vietnamese';

describe('foldVietnamese', () => {
  it('removes the tone and vowel marks and lower-cases', () => {
    expect(foldVietnamese('Quyết định')).toBe('quyet dinh');
    expect(foldVietnamese('Thượng khẩn, Hỏa tốc')).toBe('thuong khan, hoa toc');
    expect(foldVietnamese('Ủy ban nhân dân tỉnh Khánh Hòa')).toBe('uy ban nhan dan tinh khanh hoa');
  });

  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('Đề án đầu tư')).toBe('de an dau tu');
    expect(foldVietnamese('QĐ-UBND')).toBe('qd-ubnd');
  });

  it('gives the same result for composed (NFC) and decomposed (NFD) input', () => {
    const composed = 'Nghị quyết'.normalize('NFC');
    const decomposed = 'Nghị quyết'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(composed));
  });

  it('leaves text without diacritics as it is, apart from case and whitespace', () => {
    expect(foldVietnamese('  quyet   dinh ')).toBe('quyet dinh');
    expect(foldVietnamese('05/QD-UBND')).toBe('05/qd-ubnd');
  });
});

describe('incomingSearchText', () => {
  it('joins the subject and number/notation, folded', () => {
    expect(incomingSearchText('Quyết định phê duyệt kế hoạch', '05', 'QĐ-UBND')).toBe('quyet dinh phe duyet ke hoach 05/qd-ubnd');
  });
});

describe('searchTextPattern', () => {
  it('wraps the folded text for a contains match', () => {
    expect(searchTextPattern('Quyết Định')).toBe('%quyet dinh%');
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(searchTextPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
