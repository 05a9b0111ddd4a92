import { DeciderSpecification, actor } from '../testing';
import {
  AGENCY,
  DOCUMENT_ID,
  HISTORY,
  IDENTITY_KEY,
  OTHER_AGENCY,
  T,
  allRounder,
  assignDocument,
  clerk,
  leader,
  linkPaperCopy,
  paperCopyLinked,
  person,
  presentDocument,
  presented,
  receive,
  received,
  registerDocument,
  registered,
  rejectDocument,
  requestRecall,
  rejected,
  sampleCommands,
  unitHead,
} from '../testing/incoming-document.fixtures';
import { INCOMING_STATUSES, type IncomingStatus } from './incoming-document.events';
import { incomingDocumentDecider } from './incoming-document.decider';
import { INCOMING_COMMAND_ALLOWED_FROM } from './incoming-document.transitions';

const spec = DeciderSpecification.for(incomingDocumentDecider);

describe('incoming document decider: receipt, registration, rejection, presentation', () => {
  describe('when the document does not exist', () => {
    it('receives it with all its metadata', () => {
      const state = spec.given([]).when(receive()).then([received()]);
      expect(state.status).toBe('RECEIVED');
    });

    it('receives a document delivered from another agency of the system, keeping its source', () => {
      const source = { outgoingDocumentId: 'out-777', agencyCode: '000.00.00.H41' };
      spec.given([]).when(receive({ source })).then([received({ source })]);
    });

    it('stores free text in NFC, trimmed', () => {
      spec
        .given([])
        .when(
          receive({
            subject: `  ${received().data.subject.normalize('NFD')}  `,
            codeNotation: ' QĐ-UBND '.normalize('NFD'),
            sender: { agencyCode: '000.00.00.H41', name: 'UBND tỉnh Ninh Bình'.normalize('NFD') },
            signer: { fullName: ' Nguyễn Cao Sơn'.normalize('NFD'), position: 'Chủ tịch ' },
          }),
        )
        .then([received()]);
    });

    it('receives a normal paper document without attachments, due date or urgency alert', () => {
      const data = { channel: 'PAPER', urgency: 'NORMAL', attachments: [], dueDate: null, urgencyDueAt: null } as const;
      spec.given([]).when(receive(data)).then([received(data)]);
    });

    it('keeps the effective receipt time moved to the next working period', () => {
      const data = { receivedAt: '2025-03-01T20:00:00+07:00', effectiveReceivedAt: '2025-03-03T07:30:00+07:00' };
      spec.given([]).when(receive(data)).then([received(data)]);
    });

    it('refuses anyone but a CLERK', () => {
      spec.given([]).when(receive({}, leader)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE', requiredRoles: ['CLERK'] });
    });

    it('refuses a clerk receiving for another agency', () => {
      spec.given([]).when(receive({ agencyCode: OTHER_AGENCY })).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it.each(['SECRET', 'TOP_SECRET', 'ABSOLUTE_SECRET'] as const)('refuses a %s document', (confidentiality) => {
      spec.given([]).when(receive({ confidentiality })).thenThrows('CLASSIFIED_NOT_ALLOWED', { confidentiality });
    });

    it('refuses an attachment breaking a rule, naming the file and the rule', () => {
      const attachments = [
        received().data.attachments[0],
        { fileName: 'Quyết định số 05.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'cd'.repeat(32) },
      ];
      spec.given([]).when(receive({ attachments })).thenThrows('ATTACHMENT_REJECTED', { fileName: 'Quyết định số 05.pdf', rule: 'FILE_NAME_CHARACTERS' });
    });

    it('refuses an attachment over 50 MB', () => {
      const attachments = [{ fileName: 'scan.pdf', mediaType: 'application/pdf', sizeBytes: 60 * 1024 * 1024, sha256: 'cd'.repeat(32) }];
      spec.given([]).when(receive({ attachments })).thenThrows('ATTACHMENT_REJECTED', { fileName: 'scan.pdf', rule: 'FILE_TOO_LARGE' });
    });

    it.each([
      ['an empty subject', { subject: '  ' }, 'subject'],
      ['a subject over 500 characters', { subject: 'a'.repeat(501) }, 'subject'],
      ['an empty number', { codeNumber: '' }, 'codeNumber'],
      ['an empty notation', { codeNotation: ' ' }, 'codeNotation'],
      ['an invalid issue date', { issuedDate: '28/02/2025' }, 'issuedDate'],
      ['an invalid due date', { dueDate: '2025-02-30' }, 'dueDate'],
      ['an unknown channel', { channel: 'PIGEON' as never }, 'channel'],
      ['an unknown urgency', { urgency: 'ASAP' as never }, 'urgency'],
      ['an empty document type', { documentType: '' }, 'documentType'],
      ['a sender without name', { sender: { agencyCode: null, name: '' } }, 'sender.name'],
      ['a signer without name', { signer: { fullName: '', position: 'Chủ tịch' } }, 'signer.fullName'],
      ['a receipt time without offset', { receivedAt: '2025-03-03T08:45:00' }, 'receivedAt'],
      ['a receipt time in the future', { receivedAt: '2025-03-03T09:00:00+07:00' }, 'receivedAt'],
      ['an effective receipt before the receipt', { effectiveReceivedAt: '2025-03-03T08:00:00+07:00' }, 'effectiveReceivedAt'],
      ['a registration due before the effective receipt', { registrationDueAt: '2025-03-03T08:00:00+07:00' }, 'registrationDueAt'],
      ['an invalid urgency alert time', { urgencyDueAt: 'soon' }, 'urgencyDueAt'],
      ['an empty document id', { documentId: '' }, 'documentId'],
    ])('refuses %s', (_label, data, field) => {
      spec.given([]).when(receive(data)).thenThrows('VALIDATION_FAILED', { field });
    });

    it.each(sampleCommands(clerk, T.register).map((c) => [c.type, c] as const))('refuses %s on a missing document with NOT_FOUND', (_type, c) => {
      spec.given([]).when(c).thenThrows('NOT_FOUND', { documentId: DOCUMENT_ID });
    });
  });

  describe('when received', () => {
    const given = HISTORY.RECEIVED;

    it('refuses to receive it again', () => {
      spec.given(given).when(receive()).thenThrows('ALREADY_EXISTS', { documentId: DOCUMENT_ID });
    });

    it('registers it with its arrival number and identity key', () => {
      const state = spec.given(given).when(registerDocument()).then([registered()]);
      expect(state).toMatchObject({ status: 'REGISTERED', paperCopyOf: null, registration: { type: 'REGISTERED', arrivalNumber: 17 } });
    });

    it('records a registration after the registration deadline as late', () => {
      spec
        .given(given)
        .when(registerDocument({}, clerk, '2025-03-05T08:00:00+07:00'))
        .then([registered({ registeredAt: '2025-03-05T08:00:00+07:00', registeredLate: true })]);
    });

    it('carries the source into the registration (exchange status 03)', () => {
      const source = { outgoingDocumentId: 'out-777', agencyCode: '000.00.00.H41' };
      spec.given([received({ source })]).when(registerDocument()).then([registered({ source })]);
    });

    it('refuses a registration by a LEADER', () => {
      spec.given(given).when(registerDocument({}, leader)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a registration by a clerk of another agency', () => {
      spec
        .given(given)
        .when(registerDocument({}, actor('CLERK', { agencyCode: OTHER_AGENCY })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it('refuses an identity key that is not the document’s', () => {
      spec
        .given(given)
        .when(registerDocument({ identityKey: IDENTITY_KEY.replace('|5|', '|6|') }))
        .thenThrows('VALIDATION_FAILED', { field: 'identityKey', reason: 'KEY_MISMATCH', expected: IDENTITY_KEY });
    });

    it.each([
      ['an arrival date outside the register year', { arrivalDate: '2026-01-02' }, 'arrivalDate'],
      ['an arrival number of 0', { arrivalNumber: 0 }, 'arrivalNumber'],
      ['a fractional arrival number', { arrivalNumber: 1.5 }, 'arrivalNumber'],
      ['a malformed register code', { registerCode: 'sổ đến' }, 'registerCode'],
      ['a malformed year', { year: 0 }, 'year'],
    ])('refuses %s', (_label, data, field) => {
      spec.given(given).when(registerDocument(data)).thenThrows('VALIDATION_FAILED', { field });
    });

    it('refuses a command addressed to another document', () => {
      spec.given(given).when(registerDocument({ documentId: 'doc-9999' })).thenThrows('VALIDATION_FAILED', { field: 'documentId', reason: 'STREAM_MISMATCH' });
    });

    it('links it as the paper copy of a registered electronic original instead of registering it', () => {
      const state = spec.given([received({ channel: 'PAPER' })]).when(linkPaperCopy()).then([paperCopyLinked()]);
      expect(state).toMatchObject({
        status: 'REGISTERED',
        paperCopyOf: 'doc-electronic',
        registration: { type: 'PAPER_COPY', originalArrivalNumber: 12 },
      });
    });

    it('refuses to link a document as a paper copy of itself', () => {
      spec.given(given).when(linkPaperCopy({ originalDocumentId: DOCUMENT_ID })).thenThrows('VALIDATION_FAILED', { reason: 'SELF_LINK' });
    });

    it('refuses a paper-copy link by a non-clerk', () => {
      spec.given(given).when(linkPaperCopy({}, unitHead)).thenThrows('FORBIDDEN_FOR_ROLE');
    });

    it('refuses a paper-copy link without the original number', () => {
      spec.given(given).when(linkPaperCopy({ originalArrivalNumber: -3 })).thenThrows('VALIDATION_FAILED', { field: 'originalArrivalNumber' });
    });

    it.each(['WRONG_RECIPIENT', 'NOT_LEGALLY_VALID', 'DUPLICATE'] as const)('rejects it as %s without a note', (reason) => {
      const state = spec.given(given).when(rejectDocument({ reason })).then([rejected({ reason })]);
      expect(state).toMatchObject({ status: 'REJECTED', rejection: { reason } });
    });

    it('rejects it for another reason with a note', () => {
      spec
        .given(given)
        .when(rejectDocument({ reason: 'OTHER', note: ' Thiếu phụ lục kèm theo ' }))
        .then([rejected({ reason: 'OTHER', note: 'Thiếu phụ lục kèm theo' })]);
    });

    it('refuses a rejection for another reason without a note', () => {
      spec.given(given).when(rejectDocument({ reason: 'OTHER', note: '   ' })).thenThrows('VALIDATION_FAILED', { field: 'note', reason: 'REQUIRED' });
    });

    it('refuses a rejection without a valid reason', () => {
      spec.given(given).when(rejectDocument({ reason: '' as never })).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });

    it('refuses a note over 1000 characters', () => {
      spec.given(given).when(rejectDocument({ note: 'x'.repeat(1001) })).thenThrows('VALIDATION_FAILED', { field: 'note', reason: 'TOO_LONG' });
    });

    it('refuses a rejection by a LEADER', () => {
      spec.given(given).when(rejectDocument({}, leader)).thenThrows('FORBIDDEN_FOR_ROLE');
    });

    it('carries the source into the rejection (exchange status 02)', () => {
      const source = { outgoingDocumentId: 'out-777', agencyCode: '000.00.00.H41' };
      spec.given([received({ source })]).when(rejectDocument()).then([rejected({ source })]);
    });
  });

  describe('when rejected', () => {
    it('cannot be registered any more (rejection is only before registration, and final)', () => {
      spec.given(HISTORY.REJECTED).when(registerDocument()).thenThrows('INVALID_TRANSITION', {
        status: 'REJECTED',
        command: 'RegisterIncomingDocument',
      });
    });

    it('cannot be recalled', () => {
      spec.given(HISTORY.REJECTED).when(requestRecall()).thenThrows('INVALID_TRANSITION', { status: 'REJECTED', command: 'ReceiveRecallRequest' });
    });
  });

  describe('when registered', () => {
    const given = HISTORY.REGISTERED;

    it('presents it to a leader', () => {
      const state = spec.given(given).when(presentDocument()).then([presented()]);
      expect(state).toMatchObject({ status: 'PRESENTED', presentation: { leader: person(leader) } });
    });

    it('refuses a presentation by a non-clerk', () => {
      spec.given(given).when(presentDocument({}, leader)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a presentation without the leader', () => {
      spec.given(given).when(presentDocument({ leaderUsername: '' })).thenThrows('VALIDATION_FAILED', { field: 'leaderUsername' });
      spec.given(given).when(presentDocument({ leaderFullName: ' ' })).thenThrows('VALIDATION_FAILED', { field: 'leaderFullName' });
    });

    it('cannot be rejected any more (Phú Yên Điều 5.6: only before registration)', () => {
      spec.given(given).when(rejectDocument()).thenThrows('INVALID_TRANSITION', { status: 'REGISTERED', command: 'RejectIncomingDocument' });
    });

    it('cannot be registered twice', () => {
      spec.given(given).when(registerDocument()).thenThrows('INVALID_TRANSITION', { status: 'REGISTERED', command: 'RegisterIncomingDocument' });
    });
  });

  describe('when registered as a paper copy', () => {
    it('is not presented: the electronic original is (Decree 30 Điều 23.4)', () => {
      spec.given(HISTORY.paperCopy).when(presentDocument()).thenThrows('INVALID_TRANSITION', {
        status: 'REGISTERED',
        command: 'PresentIncomingDocument',
        paperCopyOf: 'doc-electronic',
      });
    });

    it('is not assigned', () => {
      spec
        .given(HISTORY.paperCopy)
        .when(assignDocument())
        .thenThrows('INVALID_TRANSITION', { paperCopyOf: 'doc-electronic' });
    });
  });

  describe('when presented', () => {
    it('cannot be presented again', () => {
      spec.given(HISTORY.PRESENTED).when(presentDocument()).thenThrows('INVALID_TRANSITION', { status: 'PRESENTED' });
    });
  });
});

describe('incoming document decider: every status refuses the commands it does not allow', () => {
  const cases = INCOMING_STATUSES.flatMap((status: IncomingStatus) =>
    sampleCommands(allRounder, T.assign)
      .filter((c) => !INCOMING_COMMAND_ALLOWED_FROM[c.type].includes(status))
      .map((c) => [status, c.type, c] as const),
  );

  it.each(cases)('when %s, %s is an INVALID_TRANSITION naming the status and the command', (status, type, c) => {
    const error = spec.given(HISTORY[status]).when(c).thenThrows('INVALID_TRANSITION', { status, command: type, documentId: DOCUMENT_ID });
    expect(error.message).toContain(status);
    expect(error.message).toContain(type);
  });

  it('covers every status', () => {
    expect(new Set(cases.map(([status]) => status))).toEqual(new Set(INCOMING_STATUSES));
  });
});

describe('incoming document decider: another agency', () => {
  const outsider = actor(['CLERK', 'LEADER', 'UNIT_HEAD'], { agencyCode: OTHER_AGENCY, username: 'all_rounder', unitId: 'unit-hctc' });

  it.each(INCOMING_STATUSES.flatMap((status) => sampleCommands(outsider, T.assign).map((c) => [status, c.type, c] as const)))(
    'when %s, %s by someone of another agency is FORBIDDEN_FOR_ROLE (OTHER_AGENCY)',
    (status, _type, c) => {
      spec.given(HISTORY[status]).when(c).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY', agencyCode: AGENCY });
    },
  );
});
