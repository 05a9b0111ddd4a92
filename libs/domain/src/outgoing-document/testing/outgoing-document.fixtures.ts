/**
 * Sample outgoing documents for specs (this lib's and the projections'): valid commands and the events the
 * decider produces from them. One scenario: the Văn phòng of UBND huyện (agency `000.00.01.H41`, abbreviation
 * UBND, unit VP) drafts a Quyết định that the Chủ tịch approves and signs, numbered `05/QĐ-UBND`.
 * Import from '@app/domain/outgoing-document/testing/outgoing-document.fixtures' (the build excludes testing folders).
 */
import type { Actor } from '../../shared/decider';
import { actor } from '../../testing/actors';
import type { Attachment } from '../../document/document-metadata';
import type { OutgoingDocumentCommand } from '../outgoing-document.commands';
import type {
  IssuedRecipient,
  OutgoingAgencySignatureApplied,
  OutgoingDocumentEvent,
  OutgoingDocumentIssued,
  OutgoingDocumentNumbered,
  OutgoingDocumentRecalled,
  OutgoingDocumentSigned,
  OutgoingDraftApproved,
  OutgoingDraftCreated,
  OutgoingDraftReturned,
  OutgoingDraftRevised,
  OutgoingDraftSubmitted,
  OutgoingRecipient,
  OutgoingSigner,
  OutgoingStatus,
} from '../outgoing-document.events';

export const AGENCY = '000.00.01.H41';
export const AGENCY_NAME = 'Ủy ban nhân dân huyện Hoa Lư';
export const OTHER_AGENCY = '000.00.09.H41';
export const DOCUMENT_ID = 'out-0001';
export const UNIT = 'unit-vp';

/** Monday 3 March 2025 and after (Asia/Ho_Chi_Minh). */
export const T = {
  create: '2025-03-03T08:00:00+07:00',
  revise: '2025-03-03T08:30:00+07:00',
  submit: '2025-03-03T09:00:00+07:00',
  return: '2025-03-03T10:00:00+07:00',
  approve: '2025-03-03T10:30:00+07:00',
  signedAt: '2025-03-03T11:00:00+07:00',
  sign: '2025-03-03T11:01:00+07:00',
  /** The signing day, at the latest the end of the next working morning. */
  issueDue: '2025-03-04T11:30:00+07:00',
  number: '2025-03-03T14:00:00+07:00',
  sealedAt: '2025-03-03T14:10:00+07:00',
  seal: '2025-03-03T14:11:00+07:00',
  issue: '2025-03-03T14:30:00+07:00',
  recall: '2025-03-05T09:00:00+07:00',
} as const;

export const drafter = actor('OFFICER', { username: 'cv_hoangthie', fullName: 'Hoàng Thị E', unitId: UNIT });
export const unitHead = actor('UNIT_HEAD', { username: 'cvp_phamvand', fullName: 'Phạm Văn D', unitId: UNIT });
/** The Chủ tịch: approves and signs. */
export const approver = actor('LEADER', { username: 'ct_levanc', fullName: 'Lê Văn C' });
/** A Phó Chủ tịch, delegate of the Chủ tịch. */
export const deputy = actor('LEADER', { username: 'pct_nguyenvanp', fullName: 'Nguyễn Văn P' });
export const clerk = actor('CLERK', { username: 'vt_tranthib', fullName: 'Trần Thị B' });
/** Holds every role of the workflow: passes every role check, so status checks show. */
export const allRounder = actor(['CLERK', 'LEADER', 'UNIT_HEAD', 'OFFICER'], { username: 'all_rounder', fullName: 'Ngô Văn K', unitId: UNIT });
export const person = (who: Actor) => ({ username: who.username, fullName: who.fullName });

export const mainFile: Attachment = { fileName: 'QD_ban_hanh_quy_che.pdf', mediaType: 'application/pdf', sizeBytes: 482_113, sha256: 'ab'.repeat(32) };
export const annex: Attachment = {
  fileName: 'Phu_luc_01.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  sizeBytes: 20_480,
  sha256: 'cd'.repeat(32),
};
export const revisedMainFile: Attachment = { ...mainFile, fileName: 'QD_ban_hanh_quy_che_v2.pdf', sha256: 'ef'.repeat(32) };

export const IN_SYSTEM = '000.00.02.H41';
export const OUTSIDE = '000.00.03.H41';
export const recipients: readonly OutgoingRecipient[] = [
  { agencyCode: IN_SYSTEM, name: 'Sở Nội vụ' },
  { agencyCode: OUTSIDE, name: 'Sở Tài chính' },
  { agencyCode: null, name: 'Công ty TNHH Minh Phát' },
];
export const NAMED_KEY = 'NAME:công ty tnhh minh phát';
export const issuedRecipients: readonly IssuedRecipient[] = [
  { recipientKey: IN_SYSTEM, agencyCode: IN_SYSTEM, name: 'Sở Nội vụ', inSystem: true },
  { recipientKey: OUTSIDE, agencyCode: OUTSIDE, name: 'Sở Tài chính', inSystem: false },
  { recipientKey: NAMED_KEY, agencyCode: null, name: 'Công ty TNHH Minh Phát', inSystem: false },
];

export const signer: OutgoingSigner = { ...person(approver), position: 'Chủ tịch', competence: 'DIRECT' };
export const IDENTIFIER = { agencyCode: AGENCY, year: 2025, sequence: 17, value: '000.00.01.H41.2025.17' } as const;

type CommandOf<T extends OutgoingDocumentCommand['type']> = Extract<OutgoingDocumentCommand, { type: T }>;

export function command<T extends OutgoingDocumentCommand['type']>(type: T, data: CommandOf<T>['data'], by: Actor, now: string): CommandOf<T> {
  return { type, data, context: { actor: by, now } } as CommandOf<T>;
}

// ----- commands -------------------------------------------------------------------------------------------------

export const createData = (): CommandOf<'CreateOutgoingDraft'>['data'] => ({
  documentId: DOCUMENT_ID,
  agencyCode: AGENCY,
  unitId: UNIT,
  documentType: 'QUYET_DINH',
  subject: 'Về việc ban hành Quy chế quản lý văn bản điện tử',
  urgency: 'URGENT',
  confidentiality: 'NONE',
  recipients,
  attachments: [mainFile, annex],
  replyToDocumentIds: ['in-0042'],
  paperCopy: false,
  dueDate: null,
});

export const createDraft = (data: Partial<CommandOf<'CreateOutgoingDraft'>['data']> = {}, by: Actor = drafter, now: string = T.create) =>
  command('CreateOutgoingDraft', { ...createData(), ...data }, by, now);

export const reviseDraft = (data: Partial<CommandOf<'ReviseOutgoingDraft'>['data']> = {}, by: Actor = drafter, now: string = T.revise) =>
  command('ReviseOutgoingDraft', { documentId: DOCUMENT_ID, attachments: [revisedMainFile, annex], ...data }, by, now);

export const submitDraft = (data: Partial<CommandOf<'SubmitOutgoingDraft'>['data']> = {}, by: Actor = drafter, now: string = T.submit) =>
  command(
    'SubmitOutgoingDraft',
    { documentId: DOCUMENT_ID, approverUsername: approver.username, approverFullName: approver.fullName, approverAgencyCode: AGENCY, approverRoles: ['LEADER'], ...data },
    by,
    now,
  );

export const returnDraft = (data: Partial<CommandOf<'ReturnOutgoingDraft'>['data']> = {}, by: Actor = approver, now: string = T.return) =>
  command('ReturnOutgoingDraft', { documentId: DOCUMENT_ID, reason: 'Bổ sung căn cứ pháp lý', onBehalfOf: null, ...data }, by, now);

export const approveDraft = (data: Partial<CommandOf<'ApproveOutgoingDraft'>['data']> = {}, by: Actor = approver, now: string = T.approve) =>
  command('ApproveOutgoingDraft', { documentId: DOCUMENT_ID, onBehalfOf: null, ...data }, by, now);

export const signDocument = (data: Partial<CommandOf<'SignOutgoingDocument'>['data']> = {}, by: Actor = approver, now: string = T.sign) =>
  command(
    'SignOutgoingDocument',
    {
      documentId: DOCUMENT_ID,
      competence: 'DIRECT',
      certificateSerial: '5403A1B2C3D4E5F6',
      signedAt: T.signedAt,
      documentSha256: mainFile.sha256,
      signerPosition: 'Chủ tịch',
      issueDueAt: T.issueDue,
      onBehalfOf: null,
      ...data,
    },
    by,
    now,
  );

export const numberDocument = (data: Partial<CommandOf<'NumberOutgoingDocument'>['data']> = {}, by: Actor = clerk, now: string = T.number) =>
  command(
    'NumberOutgoingDocument',
    {
      documentId: DOCUMENT_ID,
      registerCode: 'DI',
      year: 2025,
      number: 5,
      issuedDate: '2025-03-03',
      agencyAbbreviation: 'UBND',
      unitAbbreviation: 'VP',
      agencyIssueSequence: 17,
      ...data,
    },
    by,
    now,
  );

export const applyAgencySignature = (data: Partial<CommandOf<'ApplyAgencySignature'>['data']> = {}, by: Actor = clerk, now: string = T.seal) =>
  command(
    'ApplyAgencySignature',
    { documentId: DOCUMENT_ID, certificateSerial: '5403FFEE0011', signedAt: T.sealedAt, documentSha256: mainFile.sha256, ...data },
    by,
    now,
  );

export const issueDocument = (data: Partial<CommandOf<'IssueOutgoingDocument'>['data']> = {}, by: Actor = clerk, now: string = T.issue) =>
  command('IssueOutgoingDocument', { documentId: DOCUMENT_ID, agencyName: AGENCY_NAME, recipientsInSystem: [IN_SYSTEM], ...data }, by, now);

export const recallDocument = (reason = 'Văn bản ban hành sai thể thức', by: Actor = clerk, now: string = T.recall) =>
  command('RecallOutgoingDocument', { documentId: DOCUMENT_ID, reason }, by, now);

/** One valid command of each type on an existing document, by `by` at `now`. */
export function sampleCommands(by: Actor, now: string): Exclude<OutgoingDocumentCommand, CommandOf<'CreateOutgoingDraft'>>[] {
  return [
    reviseDraft({}, by, now),
    submitDraft({}, by, now),
    returnDraft({}, by, now),
    approveDraft({}, by, now),
    signDocument({}, by, now),
    numberDocument({}, by, now),
    applyAgencySignature({}, by, now),
    issueDocument({}, by, now),
    recallDocument(undefined, by, now),
  ];
}

// ----- events ---------------------------------------------------------------------------------------------------

const common = { documentId: DOCUMENT_ID, agencyCode: AGENCY } as const;

export const content = {
  version: 1,
  documentType: 'QUYET_DINH',
  documentTypeName: 'Quyết định',
  subject: 'Về việc ban hành Quy chế quản lý văn bản điện tử',
  urgency: 'URGENT',
  confidentiality: 'NONE',
  recipients,
  attachments: [mainFile, annex],
  replyToDocumentIds: ['in-0042'],
  paperCopy: false,
  dueDate: null,
} as const;

export const created = (data: Partial<OutgoingDraftCreated['data']> = {}): OutgoingDraftCreated => ({
  type: 'OutgoingDraftCreated',
  data: { ...common, unitId: UNIT, ...content, createdAt: T.create, drafter: person(drafter), ...data },
});

export const revised = (data: Partial<OutgoingDraftRevised['data']> = {}): OutgoingDraftRevised => ({
  type: 'OutgoingDraftRevised',
  data: {
    ...common,
    unitId: UNIT,
    ...content,
    version: 2,
    attachments: [revisedMainFile, annex],
    previousStatus: 'DRAFT',
    revisedAt: T.revise,
    revisedBy: person(drafter),
    ...data,
  },
});

export const submitted = (data: Partial<OutgoingDraftSubmitted['data']> = {}): OutgoingDraftSubmitted => ({
  type: 'OutgoingDraftSubmitted',
  data: {
    ...common,
    version: 1,
    approver: person(approver),
    documentTypeName: 'Quyết định',
    subject: content.subject,
    urgency: 'URGENT',
    submittedAt: T.submit,
    submittedBy: person(drafter),
    ...data,
  },
});

export const returned = (data: Partial<OutgoingDraftReturned['data']> = {}): OutgoingDraftReturned => ({
  type: 'OutgoingDraftReturned',
  data: {
    ...common,
    version: 1,
    reason: 'Bổ sung căn cứ pháp lý',
    drafter: person(drafter),
    returnedAt: T.return,
    returnedBy: person(approver),
    onBehalfOf: null,
    ...data,
  },
});

export const approved = (data: Partial<OutgoingDraftApproved['data']> = {}): OutgoingDraftApproved => ({
  type: 'OutgoingDraftApproved',
  data: { ...common, version: 1, mainFileSha256: mainFile.sha256, approvedAt: T.approve, approvedBy: person(approver), onBehalfOf: null, ...data },
});

export const signed = (data: Partial<OutgoingDocumentSigned['data']> = {}): OutgoingDocumentSigned => ({
  type: 'OutgoingDocumentSigned',
  data: {
    ...common,
    version: 1,
    signer,
    onBehalfOf: null,
    certificateSerial: '5403A1B2C3D4E5F6',
    signedAt: T.signedAt,
    documentSha256: mainFile.sha256,
    mainFileName: mainFile.fileName,
    issueDueAt: T.issueDue,
    urgency: 'URGENT',
    recordedAt: T.sign,
    ...data,
  },
});

export const numbered = (data: Partial<OutgoingDocumentNumbered['data']> = {}): OutgoingDocumentNumbered => ({
  type: 'OutgoingDocumentNumbered',
  data: {
    ...common,
    registerCode: 'DI',
    year: 2025,
    number: 5,
    codeNumber: '05',
    codeNotation: 'QĐ-UBND',
    issuedDate: '2025-03-03',
    identifier: IDENTIFIER,
    unitId: UNIT,
    documentType: 'QUYET_DINH',
    documentTypeName: 'Quyết định',
    subject: content.subject,
    urgency: 'URGENT',
    signer,
    recipients,
    numberedAt: T.number,
    numberedBy: person(clerk),
    ...data,
  },
});

export const sealed = (data: Partial<OutgoingAgencySignatureApplied['data']> = {}): OutgoingAgencySignatureApplied => ({
  type: 'OutgoingAgencySignatureApplied',
  data: {
    ...common,
    certificateSerial: '5403FFEE0011',
    signedAt: T.sealedAt,
    documentSha256: mainFile.sha256,
    appliedAt: T.seal,
    appliedBy: person(clerk),
    ...data,
  },
});

export const issued = (data: Partial<OutgoingDocumentIssued['data']> = {}): OutgoingDocumentIssued => ({
  type: 'OutgoingDocumentIssued',
  data: {
    ...common,
    agencyName: AGENCY_NAME,
    unitId: UNIT,
    version: 1,
    documentType: 'QUYET_DINH',
    documentTypeName: 'Quyết định',
    subject: content.subject,
    urgency: 'URGENT',
    confidentiality: 'NONE',
    dueDate: null,
    registerCode: 'DI',
    year: 2025,
    number: 5,
    codeNumber: '05',
    codeNotation: 'QĐ-UBND',
    issuedDate: '2025-03-03',
    identifier: IDENTIFIER,
    signer,
    signedAt: T.signedAt,
    agencySignedAt: T.sealedAt,
    documentSha256: mainFile.sha256,
    attachments: [mainFile, annex],
    replyToDocumentIds: ['in-0042'],
    paperCopy: false,
    recipients: issuedRecipients,
    issueDueAt: T.issueDue,
    issuedLate: false,
    issuedAt: T.issue,
    issuedBy: person(clerk),
    ...data,
  },
});

export const recalled = (data: Partial<OutgoingDocumentRecalled['data']> = {}): OutgoingDocumentRecalled => ({
  type: 'OutgoingDocumentRecalled',
  data: {
    ...common,
    codeNumber: '05',
    codeNotation: 'QĐ-UBND',
    reason: 'Văn bản ban hành sai thể thức',
    recipients: issuedRecipients,
    recalledAt: T.recall,
    recalledBy: person(clerk),
    ...data,
  },
});

/** A history leading to each status. */
export const HISTORY: Readonly<Record<OutgoingStatus, readonly OutgoingDocumentEvent[]>> = {
  DRAFT: [created()],
  SUBMITTED: [created(), submitted()],
  RETURNED: [created(), submitted(), returned()],
  APPROVED: [created(), submitted(), approved()],
  SIGNED: [created(), submitted(), approved(), signed()],
  NUMBERED: [created(), submitted(), approved(), signed(), numbered()],
  SEALED: [created(), submitted(), approved(), signed(), numbered(), sealed()],
  ISSUED: [created(), submitted(), approved(), signed(), numbered(), sealed(), issued()],
  RECALLED: [created(), submitted(), approved(), signed(), numbered(), sealed(), issued(), recalled()],
};
