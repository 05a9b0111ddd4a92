import { DeciderSpecification } from '../testing';
import { fold } from '../shared/decider';
import { documentTypeByCode, type DocumentTypeDefinition } from '../document-types/document-types';
import { registerDecider } from '../register/register.decider';
import type { RegisterNumberAllocated } from '../register/register.events';
import { issueSequenceDecider } from './issue-sequence/issue-sequence.decider';
import type { IssueSequenceAllocated } from './issue-sequence/issue-sequence.events';
import { AGENCY, approved, clerk, created, numberDocument, numbered, signed, submitted } from './testing/outgoing-document.fixtures';
import { outgoingDocumentDecider } from './outgoing-document.decider';
import { documentIdentifier, numberAndNotation, renderCodeNotation, renderCodeNumber, vietnamDateOf } from './outgoing-document.numbering';

const typeOf = (code: string): DocumentTypeDefinition => {
  const definition = documentTypeByCode(code);
  if (!definition) throw new Error(`no type ${code}`);
  return definition;
};

describe('number and notation rendering (Phụ lục I Phần I.II.3)', () => {
  it.each([
    [1, '01'],
    [5, '05'],
    [9, '09'],
    [10, '10'],
    [99, '99'],
    [123, '123'],
    [1000, '1000'],
  ])('renders the number %p as %p (a leading 0 below 10)', (number, expected) => {
    expect(renderCodeNumber(number)).toBe(expected);
  });

  it.each([
    ['QUYET_DINH', 'UBND', null, 'QĐ-UBND'],
    ['QUYET_DINH', 'BNV', 'VP', 'QĐ-BNV'],
    ['CONG_VAN', 'UBND', 'VP', 'UBND-VP'],
    ['CONG_VAN', 'BNV', 'VP', 'BNV-VP'],
    ['CONG_VAN', 'UBND', 'VX', 'UBND-VX'],
    ['THU_CONG', 'UBND', 'VP', 'UBND-VP'],
    ['QUY_DINH', 'UBND', null, 'QyĐ-UBND'],
    ['TO_TRINH', 'SNV', null, 'TTr-SNV'],
    ['CHUONG_TRINH', 'UBND', null, 'CTr-UBND'],
    ['HOP_DONG', 'SGDĐT', null, 'HĐ-SGDĐT'],
    ['KE_HOACH', 'UBND', null, 'KH-UBND'],
    ['GIAY_MOI', 'UBND', null, 'GM-UBND'],
  ])('renders the notation of %s by %s (unit %p) as %s', (code, agency, unit, expected) => {
    expect(renderCodeNotation(typeOf(code), agency, unit)).toBe(expected.normalize('NFC'));
  });

  it.each([
    [15, 'QUYET_DINH', 'BNV', null, '15/QĐ-BNV'],
    [5, 'CONG_VAN', 'BNV', 'VP', '05/BNV-VP'],
    [12, 'CONG_VAN', 'UBND', 'VX', '12/UBND-VX'],
  ])('writes the examples of the annex: %p %s → %s', (number, code, agency, unit, expected) => {
    expect(numberAndNotation(renderCodeNumber(number), renderCodeNotation(typeOf(code), agency, unit))).toBe(expected.normalize('NFC'));
  });

  it('renders the document identifier as agency code . year . sequence, and keeps the parts', () => {
    expect(documentIdentifier('000.00.01.H41', 2025, 17)).toEqual({ agencyCode: '000.00.01.H41', year: 2025, sequence: 17, value: '000.00.01.H41.2025.17' });
    expect(documentIdentifier('000.00.01.H41', 2026, 1).value).toBe('000.00.01.H41.2026.1');
  });

  it.each([
    ['2025-12-31T23:30:00+07:00', '2025-12-31'],
    ['2025-12-31T16:59:59Z', '2025-12-31'],
    ['2025-12-31T17:10:00Z', '2026-01-01'],
    ['2026-01-01T00:10:00+07:00', '2026-01-01'],
    ['2026-01-01T00:10:00.500+07:00', '2026-01-01'],
    ['2025-03-03T08:00:00-05:00', '2025-03-03'],
  ])('takes the Vietnam date of %s: %s', (instant, date) => {
    expect(vietnamDateOf(instant)).toBe(date);
  });
});

describe('numbering across a year boundary (Decree 30 Điều 15.1: from 01 on 1 January to 31 December)', () => {
  const spec = DeciderSpecification.for(outgoingDocumentDecider);
  const NEW_YEAR_EVE = '2025-12-31T23:30:00+07:00';
  const NEW_YEAR = '2026-01-01T00:10:00+07:00';
  const signedLate = (documentId: string) =>
    [created({ documentId }), submitted({ documentId }), approved({ documentId }), signed({ documentId, signedAt: '2025-12-31T23:00:00+07:00', issueDueAt: '2026-01-02T11:30:00+07:00' })];

  const registerAllocated = (year: number, number: number, documentId: string): RegisterNumberAllocated => ({
    type: 'RegisterNumberAllocated',
    data: { agencyCode: AGENCY, registerCode: 'DI', kind: 'OUTGOING', year, name: 'Sổ văn bản đi', number, documentId, allocatedAt: '2025-12-31T16:00:00+07:00' },
  });
  const sequenceAllocated = (year: number, sequence: number, documentId: string): IssueSequenceAllocated => ({
    type: 'IssueSequenceAllocated',
    data: { agencyCode: AGENCY, year, sequence, documentId, allocatedAt: '2025-12-31T16:00:00+07:00' },
  });

  /** What the application does: allocate from the DI register and the issue sequence of the Vietnam year of now, then number. */
  function allocate(now: string, documentId: string, registerHistory: RegisterNumberAllocated[], sequenceHistory: IssueSequenceAllocated[]) {
    const year = Number(vietnamDateOf(now).slice(0, 4));
    const [allocation] = registerDecider.decide(
      { type: 'AllocateRegisterNumber', data: { agencyCode: AGENCY, registerCode: 'DI', year, kind: 'OUTGOING', documentId }, context: { actor: clerk, now } },
      fold(registerDecider, registerHistory.filter((event) => event.data.year === year)),
    );
    const [sequence] = issueSequenceDecider.decide(
      { type: 'AllocateIssueSequence', data: { agencyCode: AGENCY, year, documentId }, context: { actor: clerk, now } },
      fold(issueSequenceDecider, sequenceHistory.filter((event) => event.data.year === year)),
    );
    if (allocation.type !== 'RegisterNumberAllocated') throw new Error('no number allocated');
    return { year, number: allocation.data.number, sequence: sequence.data.sequence };
  }

  const registerHistory = [registerAllocated(2025, 121, 'out-earlier'), registerAllocated(2025, 122, 'out-0900')];
  const sequenceHistory = [sequenceAllocated(2025, 400, 'out-0900')];

  it('gives a document numbered on 31 December at 23:30 (+07:00) that year: 123, identifier …2025.401', () => {
    const { year, number, sequence } = allocate(NEW_YEAR_EVE, 'out-A', registerHistory, sequenceHistory);
    expect({ year, number, sequence }).toEqual({ year: 2025, number: 123, sequence: 401 });
    spec
      .given(signedLate('out-A'))
      .when(numberDocument({ documentId: 'out-A', year, number, agencyIssueSequence: sequence, issuedDate: '2025-12-31' }, clerk, NEW_YEAR_EVE))
      .then([
        numbered({
          documentId: 'out-A',
          year: 2025,
          number: 123,
          codeNumber: '123',
          issuedDate: '2025-12-31',
          identifier: { agencyCode: AGENCY, year: 2025, sequence: 401, value: '000.00.01.H41.2025.401' },
          numberedAt: NEW_YEAR_EVE,
        }),
      ]);
  });

  it('gives a document numbered on 1 January at 00:10 (+07:00) the next year, numbers restarting at 01', () => {
    const { year, number, sequence } = allocate(NEW_YEAR, 'out-B', registerHistory, sequenceHistory);
    expect({ year, number, sequence }).toEqual({ year: 2026, number: 1, sequence: 1 });
    spec
      .given(signedLate('out-B'))
      .when(numberDocument({ documentId: 'out-B', year, number, agencyIssueSequence: sequence, issuedDate: '2026-01-01' }, clerk, NEW_YEAR))
      .then([
        numbered({
          documentId: 'out-B',
          year: 2026,
          number: 1,
          codeNumber: '01',
          issuedDate: '2026-01-01',
          identifier: { agencyCode: AGENCY, year: 2026, sequence: 1, value: '000.00.01.H41.2026.1' },
          numberedAt: NEW_YEAR,
        }),
      ]);
  });

  it('takes the year from Vietnam time when now is written in UTC', () => {
    const nowUtc = '2025-12-31T17:10:00Z';
    expect(allocate(nowUtc, 'out-B', registerHistory, sequenceHistory).year).toBe(2026);
    spec
      .given(signedLate('out-B'))
      .when(numberDocument({ documentId: 'out-B', year: 2026, number: 1, agencyIssueSequence: 1, issuedDate: '2026-01-01' }, clerk, nowUtc))
      .then([numbered({ documentId: 'out-B', year: 2026, number: 1, codeNumber: '01', issuedDate: '2026-01-01', identifier: documentIdentifier(AGENCY, 2026, 1), numberedAt: nowUtc })]);
  });

  it('refuses the old year after midnight: the issue date must be today in Vietnam', () => {
    spec
      .given(signedLate('out-B'))
      .when(numberDocument({ documentId: 'out-B', year: 2025, number: 124, agencyIssueSequence: 402, issuedDate: '2025-12-31' }, clerk, NEW_YEAR))
      .thenThrows('VALIDATION_FAILED', { field: 'issuedDate', reason: 'NOT_TODAY', expected: '2026-01-01' });
  });

  it('refuses a year that is not the issue date’s', () => {
    spec
      .given(signedLate('out-B'))
      .when(numberDocument({ documentId: 'out-B', year: 2025, number: 124, agencyIssueSequence: 402, issuedDate: '2026-01-01' }, clerk, NEW_YEAR))
      .thenThrows('VALIDATION_FAILED', { field: 'year', reason: 'YEAR_MISMATCH' });
  });

  it('refuses the new year before midnight', () => {
    spec
      .given(signedLate('out-A'))
      .when(numberDocument({ documentId: 'out-A', year: 2026, number: 1, agencyIssueSequence: 1, issuedDate: '2026-01-01' }, clerk, NEW_YEAR_EVE))
      .thenThrows('VALIDATION_FAILED', { field: 'issuedDate', reason: 'NOT_TODAY', expected: '2025-12-31' });
  });
});
