import { incomingIdentityKey, recipientOfIdentityKey, type IncomingIdentityParts } from './incoming-identity-key';

const parts: IncomingIdentityParts = {
  recipientAgencyCode: '000.00.01.H41',
  sender: { agencyCode: '000.00.00.H41', name: 'UBND tỉnh Ninh Bình' },
  codeNumber: '05',
  codeNotation: 'QĐ-UBND',
  issuedDate: '2025-02-28',
};

describe('incomingIdentityKey', () => {
  it('joins the receiving agency, sender code, number, notation and issue year', () => {
    expect(incomingIdentityKey(parts)).toBe('000.00.01.h41|code:000.00.00.h41|5|qđ-ubnd|2025');
  });

  it('uses the normalized sender name when the sender has no code', () => {
    expect(incomingIdentityKey({ ...parts, sender: { agencyCode: null, name: '  Công ty   ABC  ' } })).toBe(
      '000.00.01.h41|name:công ty abc|5|qđ-ubnd|2025',
    );
  });

  it('is the same for NFC and NFD input, any case and extra whitespace', () => {
    const typed = { ...parts, codeNotation: ' qđ - ubnd '.normalize('NFD'), codeNumber: '5' };
    expect(incomingIdentityKey(typed)).toBe(incomingIdentityKey(parts));
  });

  it('ignores the issue day and month but not the year', () => {
    expect(incomingIdentityKey({ ...parts, issuedDate: '2025-12-01' })).toBe(incomingIdentityKey(parts));
    expect(incomingIdentityKey({ ...parts, issuedDate: '2024-02-28' })).not.toBe(incomingIdentityKey(parts));
  });

  it('differs per receiving agency, sender, number and notation', () => {
    const key = incomingIdentityKey(parts);
    expect(incomingIdentityKey({ ...parts, recipientAgencyCode: '000.00.02.H41' })).not.toBe(key);
    expect(incomingIdentityKey({ ...parts, sender: { agencyCode: '000.00.09.H41', name: 'x' } })).not.toBe(key);
    expect(incomingIdentityKey({ ...parts, codeNumber: '50' })).not.toBe(key);
    expect(incomingIdentityKey({ ...parts, codeNotation: 'QĐ-UBND-VP' })).not.toBe(key);
  });

  it('cannot be confused by the separator inside a part', () => {
    expect(incomingIdentityKey({ ...parts, codeNotation: 'A|B' })).toBe('000.00.01.h41|code:000.00.00.h41|5|a/b|2025');
  });

  it('exposes its receiving agency', () => {
    expect(recipientOfIdentityKey(incomingIdentityKey(parts))).toBe('000.00.01.h41');
  });
});
