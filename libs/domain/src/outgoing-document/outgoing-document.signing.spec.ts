import { DeciderSpecification, actor } from '../testing';
import { fold } from '../shared/decider';
import { incomingDocumentDecider } from '../incoming-document/incoming-document.decider';
import {
  AGENCY,
  AGENCY_NAME,
  DOCUMENT_ID,
  HISTORY,
  IN_SYSTEM,
  NAMED_KEY,
  OUTSIDE,
  T,
  annex,
  applyAgencySignature,
  approveDraft,
  approved,
  approver,
  clerk,
  createDraft,
  created,
  deputy,
  drafter,
  issueDocument,
  issued,
  issuedRecipients,
  mainFile,
  numberDocument,
  numbered,
  person,
  recallDocument,
  recalled,
  reviseDraft,
  revised,
  revisedMainFile,
  sealed,
  signDocument,
  signed,
  signer,
  submitDraft,
  submitted,
  unitHead,
} from './testing/outgoing-document.fixtures';
import { SIGNER_COMPETENCES, type OutgoingDocumentEvent } from './outgoing-document.events';
import { outgoingDocumentDecider } from './outgoing-document.decider';
import { incomingReceiptOf } from './outgoing-document.receipt';

const spec = DeciderSpecification.for(outgoingDocumentDecider);

describe('outgoing document decider: signing (Decree 30 Điều 13)', () => {
  describe('when approved', () => {
    const given = HISTORY.APPROVED;

    it('is signed by the approver on the approved main file', () => {
      const state = spec.given(given).when(signDocument()).then([signed()]);
      expect(state).toMatchObject({ status: 'SIGNED', signature: { signer, documentSha256: mainFile.sha256, issueDueAt: T.issueDue } });
    });

    it.each(SIGNER_COMPETENCES)('records the competence %s', (competence) => {
      spec.given(given).when(signDocument({ competence })).then([signed({ signer: { ...signer, competence } })]);
    });

    it('is signed KT. by a deputy on the approver’s behalf', () => {
      spec
        .given(given)
        .when(signDocument({ competence: 'KT', signerPosition: 'Phó Chủ tịch', onBehalfOf: person(approver) }, deputy))
        .then([signed({ signer: { ...person(deputy), position: 'Phó Chủ tịch', competence: 'KT' }, onBehalfOf: person(approver) })]);
    });

    it('refuses a delegate signing DIRECT', () => {
      spec
        .given(given)
        .when(signDocument({ onBehalfOf: person(approver) }, deputy))
        .thenThrows('VALIDATION_FAILED', { field: 'competence', reason: 'DELEGATE_CANNOT_SIGN_DIRECT' });
    });

    it('refuses a signature by another leader in their own name', () => {
      spec.given(given).when(signDocument({}, deputy)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_APPROVER' });
    });

    it('refuses a signature by a clerk', () => {
      spec.given(given).when(signDocument({}, clerk)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a signature on another file than the main file (SIGNATURE_MISMATCH)', () => {
      spec.given(given).when(signDocument({ documentSha256: annex.sha256 })).thenThrows('SIGNATURE_MISMATCH', {
        rule: 'MAIN_FILE_SHA256',
        fileName: mainFile.fileName,
        expectedSha256: mainFile.sha256,
        documentSha256: annex.sha256,
      });
    });

    it('refuses the file of an earlier version once the draft was revised', () => {
      spec
        .given([created(), revised(), submitted({ version: 2 }), approved({ version: 2, mainFileSha256: revisedMainFile.sha256 })])
        .when(signDocument({ documentSha256: mainFile.sha256 }))
        .thenThrows('SIGNATURE_MISMATCH', { expectedSha256: revisedMainFile.sha256 });
    });

    it('accepts the checksum in upper case', () => {
      spec.given(given).when(signDocument({ documentSha256: mainFile.sha256.toUpperCase() })).then([signed()]);
    });

    it('accepts an urgent document due for issue at once', () => {
      spec.given(given).when(signDocument({ issueDueAt: T.signedAt })).then([signed({ issueDueAt: T.signedAt })]);
    });

    it.each([
      ['an unknown competence', { competence: 'PT' as never }, 'competence', 'NOT_ALLOWED'],
      ['no certificate serial', { certificateSerial: '' }, 'certificateSerial', 'REQUIRED'],
      ['a signing time outside Vietnam time', { signedAt: '2025-03-03T04:00:00Z' }, 'signedAt', 'NOT_VIETNAM_TIME'],
      ['a signing time without offset', { signedAt: '2025-03-03T11:00:00' }, 'signedAt', 'INVALID_INSTANT'],
      ['a signing time in the future', { signedAt: '2025-03-03T11:05:00+07:00' }, 'signedAt', 'IN_THE_FUTURE'],
      ['a malformed checksum', { documentSha256: 'abc' }, 'documentSha256', 'SHA256_INVALID'],
      ['no signer position', { signerPosition: ' ' }, 'signerPosition', 'REQUIRED'],
      ['an issue deadline before signing', { issueDueAt: '2025-03-03T10:59:00+07:00' }, 'issueDueAt', 'BEFORE_SIGNED_AT'],
      ['an invalid issue deadline', { issueDueAt: 'tomorrow' }, 'issueDueAt', 'INVALID_INSTANT'],
    ])('refuses %s', (_label, data, field, reason) => {
      spec.given(given).when(signDocument(data)).thenThrows('VALIDATION_FAILED', { field, reason });
    });

    it('refuses numbering before signing', () => {
      spec.given(given).when(numberDocument()).thenThrows('INVALID_TRANSITION', { status: 'APPROVED', command: 'NumberOutgoingDocument' });
    });

    it('refuses the agency signature before the signer’s (SIGNATURE_ORDER)', () => {
      spec.given(given).when(applyAgencySignature()).thenThrows('SIGNATURE_ORDER', { status: 'APPROVED', reason: 'NOT_SIGNED_BY_SIGNER' });
    });
  });

  describe('when signed', () => {
    const given = HISTORY.SIGNED;

    it('refuses any revision of the file', () => {
      spec.given(given).when(reviseDraft()).thenThrows('INVALID_TRANSITION', { status: 'SIGNED', command: 'ReviseOutgoingDraft' });
    });

    it('refuses a second signature', () => {
      spec.given(given).when(signDocument()).thenThrows('INVALID_TRANSITION', { status: 'SIGNED', command: 'SignOutgoingDocument' });
    });

    it('refuses the agency signature before numbering (Điều 14: number first)', () => {
      spec.given(given).when(applyAgencySignature()).thenThrows('INVALID_TRANSITION', { status: 'SIGNED', command: 'ApplyAgencySignature' });
    });

    it('refuses to issue an unsigned-by-the-agency document', () => {
      spec.given(given).when(issueDocument()).thenThrows('INVALID_TRANSITION', { status: 'SIGNED', command: 'IssueOutgoingDocument' });
    });
  });
});

describe('outgoing document decider: numbering (Decree 30 Điều 15)', () => {
  describe('when signed', () => {
    const given = HISTORY.SIGNED;

    it('numbers it: 05/QĐ-UBND, issued today, with the document identifier', () => {
      const state = spec.given(given).when(numberDocument()).then([numbered()]);
      expect(state).toMatchObject({
        status: 'NUMBERED',
        numbering: { codeNumber: '05', codeNotation: 'QĐ-UBND', issuedDate: '2025-03-03', identifier: { value: '000.00.01.H41.2025.17' } },
      });
    });

    it('needs no unit abbreviation for a Quyết định', () => {
      spec.given(given).when(numberDocument({ unitAbbreviation: null })).then([numbered()]);
    });

    it('numbers a Công văn with agency and unit: 123/UBND-VP', () => {
      const congVan = { documentType: 'CONG_VAN', documentTypeName: 'Công văn' } as const;
      spec
        .given([created(congVan), submitted({ documentTypeName: 'Công văn' }), approved(), signed()])
        .when(numberDocument({ number: 123 }))
        .then([numbered({ ...congVan, number: 123, codeNumber: '123', codeNotation: 'UBND-VP' })]);
    });

    it('refuses a Công văn without the unit abbreviation', () => {
      spec
        .given([created({ documentType: 'CONG_VAN', documentTypeName: 'Công văn' }), submitted(), approved(), signed()])
        .when(numberDocument({ unitAbbreviation: null }))
        .thenThrows('VALIDATION_FAILED', { field: 'unitAbbreviation', reason: 'REQUIRED' });
    });

    it('normalizes the abbreviations to NFC', () => {
      spec
        .given(given)
        .when(numberDocument({ agencyAbbreviation: ' SGDĐT '.normalize('NFD') }))
        .then([numbered({ codeNotation: 'QĐ-SGDĐT' })]);
    });

    it.each([
      ['a number of 0', { number: 0 }, 'number', 'INVALID_NUMBER'],
      ['a fractional number', { number: 1.5 }, 'number', 'INVALID_NUMBER'],
      ['a sequence of 0', { agencyIssueSequence: 0 }, 'agencyIssueSequence', 'INVALID_NUMBER'],
      ['a lower-case register code', { registerCode: 'di' }, 'registerCode', 'INVALID_REGISTER_CODE'],
      ['an invalid year', { year: 25 }, 'year', 'INVALID_YEAR'],
      ['an issue date other than today', { issuedDate: '2025-03-04' }, 'issuedDate', 'NOT_TODAY'],
      ['a year other than the issue date’s', { year: 2024 }, 'year', 'YEAR_MISMATCH'],
      ['an invalid issue date', { issuedDate: '03/03/2025' }, 'issuedDate', 'INVALID_DATE'],
      ['a lower-case agency abbreviation', { agencyAbbreviation: 'ubnd' }, 'agencyAbbreviation', 'INVALID_ABBREVIATION'],
      ['an agency abbreviation with a separator', { agencyAbbreviation: 'UBND-H' }, 'agencyAbbreviation', 'INVALID_ABBREVIATION'],
      ['an agency abbreviation with a space', { agencyAbbreviation: 'UB ND' }, 'agencyAbbreviation', 'INVALID_ABBREVIATION'],
      ['an empty unit abbreviation', { unitAbbreviation: '' }, 'unitAbbreviation', 'INVALID_ABBREVIATION'],
    ])('refuses %s', (_label, data, field, reason) => {
      spec.given(given).when(numberDocument(data)).thenThrows('VALIDATION_FAILED', { field, reason });
    });

    it('refuses numbering by anyone but a CLERK', () => {
      spec.given(given).when(numberDocument({}, approver)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE', requiredRoles: ['CLERK'] });
    });
  });

  describe('when numbered', () => {
    const given = HISTORY.NUMBERED;

    it('refuses numbering twice', () => {
      spec.given(given).when(numberDocument({ number: 6 })).thenThrows('INVALID_TRANSITION', { status: 'NUMBERED', command: 'NumberOutgoingDocument' });
    });

    it('refuses to issue a document without the agency signature', () => {
      spec.given(given).when(issueDocument()).thenThrows('INVALID_TRANSITION', { status: 'NUMBERED', command: 'IssueOutgoingDocument' });
    });
  });
});

describe('outgoing document decider: agency signature (Decree 30 Điều 17; Phú Thọ Điều 9.3.c)', () => {
  describe('when numbered', () => {
    const given = HISTORY.NUMBERED;

    it('is sealed by the clerk on the file the signer signed', () => {
      const state = spec.given(given).when(applyAgencySignature()).then([sealed()]);
      expect(state).toMatchObject({ status: 'SEALED', agencySignature: { documentSha256: mainFile.sha256 } });
    });

    it('refuses a seal on another file than the signed one (SIGNATURE_ORDER)', () => {
      spec
        .given(given)
        .when(applyAgencySignature({ documentSha256: annex.sha256 }))
        .thenThrows('SIGNATURE_ORDER', { status: 'NUMBERED', reason: 'NOT_SIGNED_BY_SIGNER', command: 'ApplyAgencySignature' });
    });

    it('refuses a seal dated before the signer’s signature (SIGNATURE_ORDER)', () => {
      spec
        .given(given)
        .when(applyAgencySignature({ signedAt: '2025-03-03T10:59:59+07:00' }))
        .thenThrows('SIGNATURE_ORDER', { reason: 'BEFORE_SIGNER_SIGNATURE' });
    });

    it('accepts a seal at the very second of the signer’s signature', () => {
      spec.given(given).when(applyAgencySignature({ signedAt: T.signedAt })).then([sealed({ signedAt: T.signedAt })]);
    });

    it.each([
      ['no certificate serial', { certificateSerial: ' ' }, 'certificateSerial', 'REQUIRED'],
      ['a signing time in UTC', { signedAt: '2025-03-03T07:10:00Z' }, 'signedAt', 'NOT_VIETNAM_TIME'],
      ['a signing time in the future', { signedAt: '2025-03-03T15:00:00+07:00' }, 'signedAt', 'IN_THE_FUTURE'],
      ['a malformed checksum', { documentSha256: 'zz'.repeat(32) }, 'documentSha256', 'SHA256_INVALID'],
    ])('refuses %s', (_label, data, field, reason) => {
      spec.given(given).when(applyAgencySignature(data)).thenThrows('VALIDATION_FAILED', { field, reason });
    });

    it('refuses a seal by anyone but a CLERK', () => {
      spec.given(given).when(applyAgencySignature({}, approver)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });
  });

  describe('when sealed', () => {
    it('refuses a second seal', () => {
      spec.given(HISTORY.SEALED).when(applyAgencySignature()).thenThrows('INVALID_TRANSITION', { status: 'SEALED' });
    });
  });
});

describe('outgoing document decider: issue (Decree 30 Điều 18)', () => {
  describe('when sealed', () => {
    const given = HISTORY.SEALED;

    it('issues it with everything a recipient needs and the recipients in the system', () => {
      const state = spec.given(given).when(issueDocument()).then([issued()]);
      expect(state).toMatchObject({ status: 'ISSUED', issue: { recipients: issuedRecipients, issuedLate: false } });
    });

    it('records an issue after the deadline as late', () => {
      const late = '2025-03-04T14:00:00+07:00';
      spec.given(given).when(issueDocument({}, clerk, late)).then([issued({ issuedAt: late, issuedLate: true })]);
    });

    it('issues to recipients outside the system only', () => {
      spec
        .given(given)
        .when(issueDocument({ recipientsInSystem: [] }))
        .then([issued({ recipients: issuedRecipients.map((recipient) => ({ ...recipient, inSystem: false })) })]);
    });

    it('ignores a recipient in the system named twice', () => {
      spec.given(given).when(issueDocument({ recipientsInSystem: [IN_SYSTEM, ` ${IN_SYSTEM}`] })).then([issued()]);
    });

    it('refuses an agency in the system that is not a recipient (RECIPIENT_UNKNOWN)', () => {
      spec
        .given(given)
        .when(issueDocument({ recipientsInSystem: [IN_SYSTEM, '000.00.77.H41'] }))
        .thenThrows('RECIPIENT_UNKNOWN', { agencyCode: '000.00.77.H41', documentId: DOCUMENT_ID });
    });

    it.each([
      ['no agency name', { agencyName: '' }, 'agencyName'],
      ['recipients in the system that are not a list', { recipientsInSystem: IN_SYSTEM as never }, 'recipientsInSystem'],
    ])('refuses %s', (_label, data, field) => {
      spec.given(given).when(issueDocument(data)).thenThrows('VALIDATION_FAILED', { field });
    });

    it('refuses an issue by a LEADER', () => {
      spec.given(given).when(issueDocument({}, approver)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE', requiredRoles: ['CLERK'] });
    });

    it('cannot be recalled before it is issued', () => {
      spec.given(given).when(recallDocument()).thenThrows('INVALID_TRANSITION', { status: 'SEALED', command: 'RecallOutgoingDocument' });
    });
  });

  describe('when issued', () => {
    const given = HISTORY.ISSUED;

    it('refuses a second issue', () => {
      spec.given(given).when(issueDocument()).thenThrows('INVALID_TRANSITION', { status: 'ISSUED' });
    });

    it('gives a recipient in the system an incoming document it can receive without re-typing (liên thông)', () => {
      const times = {
        documentId: 'in-9001',
        receivedAt: '2025-03-03T14:31:00+07:00',
        effectiveReceivedAt: '2025-03-03T14:31:00+07:00',
        registrationDueAt: '2025-03-04T14:31:00+07:00',
        urgencyDueAt: '2025-03-03T15:01:00+07:00',
      };
      const data = incomingReceiptOf(issued(), IN_SYSTEM, times);
      expect(data).toMatchObject({
        agencyCode: IN_SYSTEM,
        channel: 'INTERCONNECT',
        sender: { agencyCode: AGENCY, name: AGENCY_NAME },
        codeNumber: '05',
        codeNotation: 'QĐ-UBND',
        issuedDate: '2025-03-03',
        documentType: 'Quyết định',
        signer: { fullName: approver.fullName, position: 'Chủ tịch' },
        attachments: [mainFile, annex],
        source: { outgoingDocumentId: DOCUMENT_ID, agencyCode: AGENCY },
      });
      const receivingClerk = actor('CLERK', { agencyCode: IN_SYSTEM });
      const events = incomingDocumentDecider.decide(
        { type: 'ReceiveIncomingDocument', data, context: { actor: receivingClerk, now: '2025-03-03T14:32:00+07:00' } },
        incomingDocumentDecider.initialState(),
      );
      expect(events).toMatchObject([{ type: 'IncomingDocumentReceived', data: { documentId: 'in-9001', source: { outgoingDocumentId: DOCUMENT_ID } } }]);
    });

    it.each([OUTSIDE, NAMED_KEY, '000.00.77.H41'])('refuses an incoming document for %s, not a recipient in the system', (code) => {
      expect(() =>
        incomingReceiptOf(issued(), code, { documentId: 'x', receivedAt: T.issue, effectiveReceivedAt: T.issue, registrationDueAt: T.issue, urgencyDueAt: null }),
      ).toThrow(expect.objectContaining({ code: 'RECIPIENT_UNKNOWN' }));
    });

    it('is recalled by the clerk, with a reason', () => {
      const state = spec.given(given).when(recallDocument()).then([recalled()]);
      expect(state).toMatchObject({ status: 'RECALLED', recall: { reason: 'Văn bản ban hành sai thể thức' } });
    });

    it('is recalled by a LEADER', () => {
      spec.given(given).when(recallDocument(undefined, approver)).then([recalled({ recalledBy: person(approver) })]);
    });

    it('refuses a recall by a UNIT_HEAD or an OFFICER', () => {
      spec.given(given).when(recallDocument(undefined, unitHead)).thenThrows('FORBIDDEN_FOR_ROLE', { requiredRoles: ['CLERK', 'LEADER'] });
      spec.given(given).when(recallDocument(undefined, drafter)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a recall without reason', () => {
      spec.given(given).when(recallDocument(' ')).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });
  });

  describe('when recalled', () => {
    it('is frozen: a second recall is refused too', () => {
      spec.given(HISTORY.RECALLED).when(recallDocument()).thenThrows('INVALID_TRANSITION', { status: 'RECALLED' });
    });
  });
});

describe('outgoing document decider: the whole lifecycle', () => {
  it('goes from draft to recall through decide and evolve', () => {
    const steps = [
      createDraft(),
      reviseDraft(),
      submitDraft(),
      { ...reviseDraft(), context: { actor: drafter, now: T.submit } },
      approveDraft(),
    ];
    // The revision while submitted is refused; everything else goes through.
    let events: OutgoingDocumentEvent[] = [];
    const statuses: string[] = [];
    for (const step of steps) {
      try {
        events = [...events, ...outgoingDocumentDecider.decide(step, fold(outgoingDocumentDecider, events))];
      } catch {
        statuses.push('refused');
        continue;
      }
      statuses.push(fold(outgoingDocumentDecider, events).status);
    }
    for (const step of [
      signDocument({ documentSha256: revisedMainFile.sha256 }),
      numberDocument(),
      applyAgencySignature({ documentSha256: revisedMainFile.sha256 }),
      issueDocument(),
      recallDocument(),
    ]) {
      events = [...events, ...outgoingDocumentDecider.decide(step, fold(outgoingDocumentDecider, events))];
      statuses.push(fold(outgoingDocumentDecider, events).status);
    }
    expect(statuses).toEqual(['DRAFT', 'DRAFT', 'SUBMITTED', 'refused', 'APPROVED', 'SIGNED', 'NUMBERED', 'SEALED', 'ISSUED', 'RECALLED']);
    expect(events.map((event) => event.type)).toEqual([
      'OutgoingDraftCreated',
      'OutgoingDraftRevised',
      'OutgoingDraftSubmitted',
      'OutgoingDraftApproved',
      'OutgoingDocumentSigned',
      'OutgoingDocumentNumbered',
      'OutgoingAgencySignatureApplied',
      'OutgoingDocumentIssued',
      'OutgoingDocumentRecalled',
    ]);
    expect(events.every((event) => event.data.documentId === DOCUMENT_ID && event.data.agencyCode === AGENCY)).toBe(true);
  });
});
