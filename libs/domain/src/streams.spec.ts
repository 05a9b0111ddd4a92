import {
  agencyStream,
  documentIdOfIncomingStream,
  incomingIdentityStream,
  incomingStream,
  registerStream,
  staffStream,
} from './streams';

describe('stream ids', () => {
  it('name every aggregate stream with its category first', () => {
    expect(agencyStream('000.00.01.H41')).toBe('agency-000.00.01.H41');
    expect(staffStream('vp_nguyenvana')).toBe('staff-vp_nguyenvana');
    expect(registerStream('000.00.01.H41', 'DEN', 2025)).toBe('register-000.00.01.H41-DEN-2025');
    expect(incomingStream('4b0c')).toBe('incoming-4b0c');
    expect(incomingIdentityStream('000.00.01.h41|code:x|5|qđ-ubnd|2025')).toBe('incoming_identity-000.00.01.h41|code:x|5|qđ-ubnd|2025');
  });

  it('keep incoming documents and their identity keys in different categories', () => {
    expect(incomingIdentityStream('k').split('-')[0]).not.toBe(incomingStream('d').split('-')[0]);
  });

  it('read the document id back from an incoming stream id', () => {
    expect(documentIdOfIncomingStream(incomingStream('a-b-c'))).toBe('a-b-c');
    expect(documentIdOfIncomingStream('staff-x')).toBeNull();
    expect(documentIdOfIncomingStream('incoming_identity-x')).toBeNull();
  });
});
