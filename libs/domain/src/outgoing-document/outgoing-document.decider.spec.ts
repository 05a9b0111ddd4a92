import { DeciderSpecification, actor } from '../testing';
import {
  AGENCY,
  DOCUMENT_ID,
  HISTORY,
  OTHER_AGENCY,
  T,
  allRounder,
  annex,
  approveDraft,
  approved,
  approver,
  clerk,
  content,
  createDraft,
  created,
  deputy,
  drafter,
  mainFile,
  person,
  recipients,
  returnDraft,
  returned,
  reviseDraft,
  revised,
  revisedMainFile,
  sampleCommands,
  submitDraft,
  submitted,
  unitHead,
} from './testing/outgoing-document.fixtures';
import { OUTGOING_STATUSES, type OutgoingStatus } from './outgoing-document.events';
import { outgoingDocumentDecider } from './outgoing-document.decider';
import { OUTGOING_COMMAND_ALLOWED_FROM, SIGNATURE_ORDER_STATUSES } from './outgoing-document.transitions';

const spec = DeciderSpecification.for(outgoingDocumentDecider);

describe('outgoing document decider: drafting (Decree 30 Điều 10)', () => {
  describe('when the document does not exist', () => {
    it('creates a draft with all its metadata, the drafter and version 1', () => {
      const state = spec.given([]).when(createDraft()).then([created()]);
      expect(state).toMatchObject({ status: 'DRAFT', document: { drafter: person(drafter), draft: { version: 1 } }, lastReturn: null });
    });

    it.each([unitHead, approver])('lets a %s create a draft ("OFFICER and up")', (who) => {
      spec.given([]).when(createDraft({}, who)).then([created({ drafter: person(who) })]);
    });

    it.each([clerk, actor('ARCHIVIST'), actor('ADMIN'), actor('AUDITOR')])('refuses a draft by $roles', (who) => {
      spec
        .given([])
        .when(createDraft({}, who))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE', requiredRoles: ['OFFICER', 'UNIT_HEAD', 'LEADER'] });
    });

    it('refuses a draft for another agency', () => {
      spec.given([]).when(createDraft({ agencyCode: OTHER_AGENCY })).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it('stores free text in NFC, trimmed', () => {
      spec
        .given([])
        .when(
          createDraft({
            subject: `  ${content.subject.normalize('NFD')} `,
            recipients: recipients.map((recipient) => ({ ...recipient, name: ` ${recipient.name.normalize('NFD')}` })),
          }),
        )
        .then([created()]);
    });

    it('creates a Công văn, electronic and paper, with a due date and no reply link', () => {
      const data = { documentType: 'CONG_VAN', paperCopy: true, dueDate: '2025-03-20', replyToDocumentIds: undefined } as const;
      spec
        .given([])
        .when(createDraft(data))
        .then([created({ documentType: 'CONG_VAN', documentTypeName: 'Công văn', paperCopy: true, dueDate: '2025-03-20', replyToDocumentIds: [] })]);
    });

    it('keeps one recipient named without agency code', () => {
      const only = [{ agencyCode: null, name: 'Ông Nguyễn Văn A' }];
      spec.given([]).when(createDraft({ recipients: only })).then([created({ recipients: only })]);
    });

    it('keeps the main file alone, without annexes', () => {
      spec.given([]).when(createDraft({ attachments: [mainFile] })).then([created({ attachments: [mainFile] })]);
    });

    it('de-duplicates the replied documents', () => {
      spec.given([]).when(createDraft({ replyToDocumentIds: ['in-0042', ' in-0042'] })).then([created()]);
    });

    it.each(['SECRET', 'TOP_SECRET', 'ABSOLUTE_SECRET'] as const)('refuses a %s draft', (confidentiality) => {
      spec.given([]).when(createDraft({ confidentiality })).thenThrows('CLASSIFIED_NOT_ALLOWED', { confidentiality });
    });

    it('refuses a main file that is not a PDF (only PDF is signed)', () => {
      spec
        .given([])
        .when(createDraft({ attachments: [annex, mainFile] }))
        .thenThrows('ATTACHMENT_REJECTED', { fileName: annex.fileName, rule: 'FILE_TYPE_NOT_ALLOWED', allowedExtensions: ['pdf'] });
    });

    it('refuses an annex breaking a rule, naming the file and the rule', () => {
      const bad = { ...annex, fileName: 'Phụ lục 01.docx' };
      spec.given([]).when(createDraft({ attachments: [mainFile, bad] })).thenThrows('ATTACHMENT_REJECTED', { fileName: bad.fileName, rule: 'FILE_NAME_CHARACTERS' });
    });

    it.each([
      ['no attachment', { attachments: [] }, 'attachments', 'MAIN_FILE_REQUIRED'],
      ['an empty subject', { subject: ' ' }, 'subject', 'REQUIRED'],
      ['a subject over 500 characters', { subject: 'a'.repeat(501) }, 'subject', 'TOO_LONG'],
      ['a document type name instead of a code', { documentType: 'Quyết định' }, 'documentType', 'UNKNOWN_DOCUMENT_TYPE'],
      ['a copy kind as document type', { documentType: 'SAO_Y' }, 'documentType', 'UNKNOWN_DOCUMENT_TYPE'],
      ['no recipient', { recipients: [] }, 'recipients', 'REQUIRED'],
      ['a recipient without name', { recipients: [{ agencyCode: '000.00.02.H41', name: '' }] }, 'recipients[0].name', 'REQUIRED'],
      [
        'the same agency twice',
        { recipients: [...recipients, { agencyCode: '000.00.02.H41', name: 'Sở Nội vụ tỉnh' }] },
        'recipients[3]',
        'DUPLICATE_RECIPIENT',
      ],
      [
        'the same named recipient twice',
        { recipients: [...recipients, { agencyCode: null, name: 'CÔNG TY TNHH  Minh Phát' }] },
        'recipients[3]',
        'DUPLICATE_RECIPIENT',
      ],
      ['an unknown urgency', { urgency: 'ASAP' as never }, 'urgency', 'NOT_ALLOWED'],
      ['an unknown confidentiality', { confidentiality: 'INTERNAL' as never }, 'confidentiality', 'NOT_ALLOWED'],
      ['no paper-copy flag', { paperCopy: undefined as never }, 'paperCopy', 'REQUIRED'],
      ['an invalid due date', { dueDate: '2025-02-30' }, 'dueDate', 'INVALID_DATE'],
      ['replied documents that are not a list', { replyToDocumentIds: 'in-0042' as never }, 'replyToDocumentIds', 'INVALID'],
      ['an empty document id', { documentId: '' }, 'documentId', 'REQUIRED'],
      ['an empty unit', { unitId: ' ' }, 'unitId', 'REQUIRED'],
    ])('refuses %s', (_label, data, field, reason) => {
      spec.given([]).when(createDraft(data)).thenThrows('VALIDATION_FAILED', { field, reason });
    });

    it.each(sampleCommands(allRounder, T.submit).map((c) => [c.type, c] as const))('refuses %s on a missing document with NOT_FOUND', (_type, c) => {
      spec.given([]).when(c).thenThrows('NOT_FOUND', { documentId: DOCUMENT_ID });
    });
  });

  describe('when a draft', () => {
    const given = HISTORY.DRAFT;

    it('refuses to create it again', () => {
      spec.given(given).when(createDraft()).thenThrows('ALREADY_EXISTS', { documentId: DOCUMENT_ID });
    });

    it('records a revision as a new version with the whole content', () => {
      const state = spec.given(given).when(reviseDraft()).then([revised()]);
      expect(state).toMatchObject({ status: 'DRAFT', document: { draft: { version: 2, attachments: [revisedMainFile, annex] } } });
    });

    it('keeps the fields a revision omits and clears the due date only when told', () => {
      const start = [created({ dueDate: '2025-03-20' })];
      spec
        .given(start)
        .when(reviseDraft({ attachments: undefined, subject: 'Về việc ban hành Quy chế (sửa đổi)' }))
        .then([revised({ attachments: [mainFile, annex], subject: 'Về việc ban hành Quy chế (sửa đổi)', dueDate: '2025-03-20' })]);
      spec.given(start).when(reviseDraft({ attachments: undefined, dueDate: null })).then([revised({ attachments: [mainFile, annex] })]);
    });

    it('records nothing for a revision that changes nothing', () => {
      spec.given(given).when(reviseDraft({ attachments: undefined, subject: ` ${content.subject.normalize('NFD')}` })).thenNothingHappens();
    });

    it('numbers versions on', () => {
      spec.given([...given, revised()]).when(reviseDraft({ attachments: [mainFile] })).then([revised({ version: 3, attachments: [mainFile] })]);
    });

    it('refuses a revision by someone else than the drafter', () => {
      spec.given(given).when(reviseDraft({}, unitHead)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_DRAFTER', drafter: person(drafter) });
    });

    it('refuses a revision making it classified', () => {
      spec.given(given).when(reviseDraft({ confidentiality: 'SECRET' })).thenThrows('CLASSIFIED_NOT_ALLOWED');
    });

    it('refuses a revision whose main file is not a PDF', () => {
      spec.given(given).when(reviseDraft({ attachments: [annex] })).thenThrows('ATTACHMENT_REJECTED', { rule: 'FILE_TYPE_NOT_ALLOWED' });
    });

    it('refuses a revision without recipients', () => {
      spec.given(given).when(reviseDraft({ recipients: [] })).thenThrows('VALIDATION_FAILED', { field: 'recipients' });
    });

    it('submits it to the approver, who will sign (Điều 11)', () => {
      const state = spec.given(given).when(submitDraft()).then([submitted()]);
      expect(state).toMatchObject({ status: 'SUBMITTED', approver: person(approver) });
    });

    it('submits the current version', () => {
      spec.given([...given, revised()]).when(submitDraft()).then([submitted({ version: 2 })]);
    });

    it('submits to a unit head, who signs TL.', () => {
      const data = { approverUsername: unitHead.username, approverFullName: unitHead.fullName, approverRoles: ['UNIT_HEAD'] as const };
      spec.given(given).when(submitDraft(data)).then([submitted({ approver: person(unitHead) })]);
    });

    it('refuses a submission by someone else than the drafter', () => {
      spec.given(given).when(submitDraft({}, approver)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_DRAFTER' });
    });

    it.each([
      ['an approver of another agency', { approverAgencyCode: OTHER_AGENCY }, 'approverAgencyCode', 'APPROVER_OTHER_AGENCY'],
      ['an approver who cannot sign', { approverRoles: ['OFFICER', 'CLERK'] as const }, 'approverRoles', 'APPROVER_CANNOT_SIGN'],
      ['an approver without roles', { approverRoles: undefined as never }, 'approverRoles', 'APPROVER_CANNOT_SIGN'],
      ['an empty approver', { approverUsername: '' }, 'approverUsername', 'REQUIRED'],
      ['an approver without name', { approverFullName: ' ' }, 'approverFullName', 'REQUIRED'],
    ])('refuses a submission to %s', (_label, data, field, reason) => {
      spec.given(given).when(submitDraft(data)).thenThrows('VALIDATION_FAILED', { field, reason });
    });
  });

  describe('when submitted', () => {
    const given = HISTORY.SUBMITTED;

    it('is approved by the approver, on the current main file', () => {
      const state = spec.given(given).when(approveDraft()).then([approved()]);
      expect(state).toMatchObject({ status: 'APPROVED', approval: { version: 1, mainFileSha256: mainFile.sha256 } });
    });

    it('is approved by a delegate on the approver’s behalf', () => {
      spec
        .given(given)
        .when(approveDraft({ onBehalfOf: person(approver) }, deputy))
        .then([approved({ approvedBy: person(deputy), onBehalfOf: person(approver) })]);
    });

    it('approves the revised version with its own file', () => {
      spec
        .given([created(), revised(), submitted({ version: 2 })])
        .when(approveDraft())
        .then([approved({ version: 2, mainFileSha256: revisedMainFile.sha256 })]);
    });

    it('refuses an approval by another leader acting in their own name', () => {
      spec.given(given).when(approveDraft({}, deputy)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_APPROVER', approver: person(approver) });
    });

    it('refuses an approval on behalf of someone else than the approver', () => {
      spec.given(given).when(approveDraft({ onBehalfOf: person(unitHead) }, deputy)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_APPROVER' });
    });

    it('refuses a delegation to oneself', () => {
      spec.given(given).when(approveDraft({ onBehalfOf: person(approver) }, approver)).thenThrows('VALIDATION_FAILED', { field: 'onBehalfOf', reason: 'SELF_DELEGATION' });
    });

    it('refuses an approval by the drafter (an OFFICER)', () => {
      spec.given(given).when(approveDraft({}, drafter)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE', requiredRoles: ['LEADER', 'UNIT_HEAD'] });
    });

    it('is returned to the drafter with a reason', () => {
      const state = spec.given(given).when(returnDraft()).then([returned()]);
      expect(state).toMatchObject({ status: 'RETURNED', lastReturn: { reason: 'Bổ sung căn cứ pháp lý' } });
    });

    it('is returned by a delegate', () => {
      spec
        .given(given)
        .when(returnDraft({ onBehalfOf: person(approver) }, deputy))
        .then([returned({ returnedBy: person(deputy), onBehalfOf: person(approver) })]);
    });

    it('refuses a return without reason', () => {
      spec.given(given).when(returnDraft({ reason: '  ' })).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });

    it('refuses a return by someone else than the approver', () => {
      spec.given(given).when(returnDraft({}, unitHead)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'NOT_APPROVER' });
    });

    it('cannot be revised while submitted', () => {
      spec.given(given).when(reviseDraft()).thenThrows('INVALID_TRANSITION', { status: 'SUBMITTED', command: 'ReviseOutgoingDraft' });
    });
  });

  describe('when returned', () => {
    const given = HISTORY.RETURNED;

    it('goes back to DRAFT with the drafter’s revision', () => {
      const state = spec.given(given).when(reviseDraft()).then([revised({ previousStatus: 'RETURNED' })]);
      expect(state).toMatchObject({ status: 'DRAFT', lastReturn: { reason: 'Bổ sung căn cứ pháp lý' }, document: { draft: { version: 2 } } });
    });

    it('goes back to DRAFT even with an unchanged revision', () => {
      spec
        .given(given)
        .when(reviseDraft({ attachments: undefined }))
        .then([revised({ previousStatus: 'RETURNED', attachments: [mainFile, annex] })]);
    });

    it('must be revised before it is submitted again', () => {
      spec.given(given).when(submitDraft()).thenThrows('INVALID_TRANSITION', { status: 'RETURNED', command: 'SubmitOutgoingDraft' });
      spec.given([...given, revised({ previousStatus: 'RETURNED' })]).when(submitDraft()).then([submitted({ version: 2 })]);
    });

    it('cannot be approved', () => {
      spec.given(given).when(approveDraft()).thenThrows('INVALID_TRANSITION', { status: 'RETURNED', command: 'ApproveOutgoingDraft' });
    });
  });

  describe('when approved', () => {
    it('cannot be revised, returned or approved again', () => {
      spec.given(HISTORY.APPROVED).when(reviseDraft()).thenThrows('INVALID_TRANSITION', { status: 'APPROVED', command: 'ReviseOutgoingDraft' });
      spec.given(HISTORY.APPROVED).when(returnDraft()).thenThrows('INVALID_TRANSITION', { status: 'APPROVED' });
      spec.given(HISTORY.APPROVED).when(approveDraft()).thenThrows('INVALID_TRANSITION', { status: 'APPROVED' });
    });
  });
});

describe('outgoing document decider: every status refuses the commands it does not allow', () => {
  const cases = OUTGOING_STATUSES.flatMap((status: OutgoingStatus) =>
    sampleCommands(allRounder, T.issue)
      .filter((c) => !OUTGOING_COMMAND_ALLOWED_FROM[c.type].includes(status))
      .filter((c) => !(c.type === 'ApplyAgencySignature' && SIGNATURE_ORDER_STATUSES.includes(status)))
      .map((c) => [status, c.type, c] as const),
  );

  it.each(cases)('when %s, %s is an INVALID_TRANSITION naming the status and the command', (status, type, c) => {
    const error = spec.given(HISTORY[status]).when(c).thenThrows('INVALID_TRANSITION', { status, command: type, documentId: DOCUMENT_ID });
    expect(error.message).toContain(status);
    expect(error.message).toContain(type);
  });

  it.each(SIGNATURE_ORDER_STATUSES)('when %s, the agency signature is SIGNATURE_ORDER (the signer has not signed)', (status) => {
    const [c] = sampleCommands(allRounder, T.issue).filter((candidate) => candidate.type === 'ApplyAgencySignature');
    spec.given(HISTORY[status]).when(c).thenThrows('SIGNATURE_ORDER', { status, reason: 'NOT_SIGNED_BY_SIGNER', documentId: DOCUMENT_ID });
  });

  it('covers every status, and freezes a recalled document completely', () => {
    expect(new Set(cases.map(([status]) => status))).toEqual(new Set(OUTGOING_STATUSES));
    expect(cases.filter(([status]) => status === 'RECALLED')).toHaveLength(sampleCommands(allRounder, T.issue).length);
  });
});

describe('outgoing document decider: another agency', () => {
  const outsider = actor(['CLERK', 'LEADER', 'UNIT_HEAD', 'OFFICER'], { agencyCode: OTHER_AGENCY, username: drafter.username });

  it.each(OUTGOING_STATUSES.flatMap((status) => sampleCommands(outsider, T.issue).map((c) => [status, c.type, c] as const)))(
    'when %s, %s by someone of another agency is FORBIDDEN_FOR_ROLE (OTHER_AGENCY)',
    (status, _type, c) => {
      spec.given(HISTORY[status]).when(c).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY', agencyCode: AGENCY });
    },
  );
});

describe('outgoing document decider: a command addressed to another document', () => {
  it('is refused as a stream mismatch', () => {
    spec.given(HISTORY.DRAFT).when(submitDraft({ documentId: 'out-0002' })).thenThrows('VALIDATION_FAILED', { field: 'documentId', reason: 'STREAM_MISMATCH' });
  });
});
