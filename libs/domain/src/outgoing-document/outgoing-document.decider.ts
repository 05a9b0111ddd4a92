import type { Actor, Decider, Role } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { personOf, requireAnyRole, requireSameAgency } from '../shared/authorization';
import type { PersonRef } from '../shared/people';
import { normalizeText } from '../shared/text';
import { isAfter, yearOfDate } from '../shared/time';
import {
  requireDate,
  requireInstant,
  requireOneOf,
  requirePositiveInteger,
  requireText,
  requireYear,
  validationFailed,
} from '../shared/validation';
import { SIGNED_DOCUMENT_EXTENSIONS, checkAttachment, checkAttachments } from '../document/attachment-rules';
import { CONFIDENTIALITIES, URGENCIES, type Attachment, type Confidentiality, type Urgency } from '../document/document-metadata';
import { documentTypeByCode, type DocumentTypeDefinition } from '../document-types/document-types';
import { REGISTER_CODE_PATTERN } from '../register/default-registers';
import type {
  ApplyAgencySignature,
  ApproveOutgoingDraft,
  CreateOutgoingDraft,
  IssueOutgoingDocument,
  NumberOutgoingDocument,
  OutgoingDocumentCommand,
  RecallOutgoingDocument,
  ReturnOutgoingDraft,
  ReviseOutgoingDraft,
  SignOutgoingDocument,
  SubmitOutgoingDraft,
} from './outgoing-document.commands';
import {
  SIGNER_COMPETENCES,
  type IssuedRecipient,
  type OutgoingDocumentEvent,
  type OutgoingDraftContent,
  type OutgoingRecipient,
  type OutgoingStatus,
  type SignerCompetence,
} from './outgoing-document.events';
import {
  ABBREVIATION_PATTERN,
  documentIdentifier,
  renderCodeNotation,
  renderCodeNumber,
  vietnamDateOf,
} from './outgoing-document.numbering';
import { recipientKeyOf } from './outgoing-document.recipients';
import type { ExistingOutgoingDocumentState, OutgoingDocumentState } from './outgoing-document.state';
import {
  OUTGOING_COMMAND_ALLOWED_FROM,
  OUTGOING_COMMAND_ROLES,
  OUTGOING_DRAFTER_ROLES,
  OUTGOING_SIGNER_ROLES,
  SIGNATURE_ORDER_STATUSES,
  type OutgoingDocumentCommandOnExisting,
} from './outgoing-document.transitions';

type CommandOnExisting = Exclude<OutgoingDocumentCommand, CreateOutgoingDraft>;
type InStatus<S extends OutgoingStatus> = Extract<ExistingOutgoingDocumentState, { status: S }>;

export const MAX_OUTGOING_SUBJECT_LENGTH = 500;
export const MAX_OUTGOING_REASON_LENGTH = 1000;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const VIETNAM_OFFSET = '+07:00';

// ---------------------------------------------------------------------------------------------------------------
// Guards on an existing document, in this order (as for incoming documents): the document exists (NOT_FOUND),
// the command addresses it, the actor belongs to its agency (FORBIDDEN_FOR_ROLE / OTHER_AGENCY), holds a role
// the command needs (FORBIDDEN_FOR_ROLE / MISSING_ROLE), the document is in a status the command is allowed from
// (INVALID_TRANSITION naming the status and the command; SIGNATURE_ORDER for an agency signature before the
// signer's). Per-document permissions (drafter, approver or delegate) and data come after.
// ---------------------------------------------------------------------------------------------------------------

function invalidTransition(state: ExistingOutgoingDocumentState, command: string): DomainError {
  return new DomainError('INVALID_TRANSITION', `${command} is not allowed when the outgoing document is ${state.status}`, {
    status: state.status,
    command,
    documentId: state.document.documentId,
  });
}

function signatureOrder(state: ExistingOutgoingDocumentState, command: string, reason: string, message: string): DomainError {
  return new DomainError('SIGNATURE_ORDER', message, { status: state.status, command, documentId: state.document.documentId, reason });
}

function guard<T extends OutgoingDocumentCommandOnExisting, S extends OutgoingStatus>(
  command: Extract<CommandOnExisting, { type: T }>,
  state: OutgoingDocumentState,
): InStatus<S> {
  const type: OutgoingDocumentCommandOnExisting = command.type;
  if (state.status === 'NONE') {
    throw new DomainError('NOT_FOUND', `Outgoing document ${command.data.documentId} does not exist`, { documentId: command.data.documentId });
  }
  if (command.data.documentId !== state.document.documentId) {
    throw validationFailed('documentId', 'STREAM_MISMATCH', `does not match the document ${state.document.documentId}`);
  }
  requireSameAgency(command.context.actor, state.document.agencyCode, type);
  const roles = OUTGOING_COMMAND_ROLES[type];
  if (roles !== null) requireAnyRole(command.context.actor, roles, type);
  if (type === 'ApplyAgencySignature' && SIGNATURE_ORDER_STATUSES.includes(state.status)) {
    // Phú Thọ Điều 9.3.c, Decree 30 Điều 32.2.c: the agency signs only what the competent person has signed.
    throw signatureOrder(state, type, 'NOT_SIGNED_BY_SIGNER', 'The agency signature needs the signer’s signature first');
  }
  if (!OUTGOING_COMMAND_ALLOWED_FROM[type].includes(state.status)) throw invalidTransition(state, type);
  return state as InStatus<S>;
}

function requireDrafter(command: CommandOnExisting, state: ExistingOutgoingDocumentState): void {
  const { drafter } = state.document;
  if (command.context.actor.username !== drafter.username) {
    throw new DomainError('FORBIDDEN_FOR_ROLE', `${command.type} is only for the drafter (${drafter.fullName})`, {
      reason: 'NOT_DRAFTER',
      command: command.type,
      drafter,
    });
  }
}

/** The principal a delegate acts for, or null; a person cannot be their own delegate. */
function onBehalfOfInput(value: PersonRef | null | undefined, actor: Actor): PersonRef | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') throw validationFailed('onBehalfOf', 'INVALID', 'must name a person');
  const principal = { username: requireText(value.username, 'onBehalfOf.username', 64), fullName: requireText(value.fullName, 'onBehalfOf.fullName', 255) };
  if (principal.username === actor.username) throw validationFailed('onBehalfOf', 'SELF_DELEGATION', 'must be someone else than the actor');
  return principal;
}

/** The approver themself, or a delegate acting on the approver's behalf (ủy quyền checked by the application). */
function requireApproverOrDelegate(command: CommandOnExisting, approver: PersonRef, onBehalfOf: PersonRef | null): void {
  const principal = onBehalfOf?.username ?? command.context.actor.username;
  if (principal !== approver.username) {
    throw new DomainError('FORBIDDEN_FOR_ROLE', `${command.type} is only for the approver (${approver.fullName}) or their delegate`, {
      reason: 'NOT_APPROVER',
      command: command.type,
      approver,
    });
  }
}

function requireSha256(value: unknown, field: string): string {
  const sha256 = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!SHA256_HEX.test(sha256)) throw validationFailed(field, 'SHA256_INVALID', 'must be a hexadecimal SHA-256');
  return sha256;
}

/** A signing time: ISO 8601 in Vietnam time (+07:00, Phụ lục I), not later than now. */
function requireSigningTime(value: unknown, field: string, now: string): string {
  const instant = requireInstant(value, field);
  if (!instant.endsWith(VIETNAM_OFFSET)) throw validationFailed(field, 'NOT_VIETNAM_TIME', 'must carry the +07:00 offset');
  if (isAfter(instant, now)) throw validationFailed(field, 'IN_THE_FUTURE', 'must not be later than now', { now });
  return instant;
}

function requireAbbreviation(value: unknown, field: string): string {
  const text = typeof value === 'string' ? normalizeText(value) : '';
  if (!ABBREVIATION_PATTERN.test(text)) {
    throw validationFailed(field, 'INVALID_ABBREVIATION', 'must be 1 to 20 capital letters or digits, without spaces or separators', { value });
  }
  return text;
}

// ----- the draft content ---------------------------------------------------------------------------------------

function requireDocumentType(value: unknown): DocumentTypeDefinition {
  const definition = typeof value === 'string' ? documentTypeByCode(value) : null;
  if (definition === null) throw validationFailed('documentType', 'UNKNOWN_DOCUMENT_TYPE', 'must be a document type code', { value });
  return definition;
}

function requireNotClassified(value: unknown): Confidentiality {
  const confidentiality = requireOneOf<Confidentiality>(value, CONFIDENTIALITIES, 'confidentiality');
  if (confidentiality !== 'NONE') {
    throw new DomainError('CLASSIFIED_NOT_ALLOWED', 'Classified documents (Mật, Tối mật, Tuyệt mật) are not handled by this system', {
      confidentiality,
    });
  }
  return confidentiality;
}

function requireRecipients(value: unknown): OutgoingRecipient[] {
  if (!Array.isArray(value) || value.length === 0) throw validationFailed('recipients', 'REQUIRED', 'must name at least one recipient');
  const recipients = value.map((input: OutgoingRecipient, index): OutgoingRecipient => {
    const field = `recipients[${index}]`;
    if (typeof input !== 'object' || input === null) throw validationFailed(field, 'REQUIRED', 'must be a recipient');
    return {
      agencyCode: input.agencyCode === null || input.agencyCode === undefined ? null : requireText(input.agencyCode, `${field}.agencyCode`, 32),
      name: requireText(input.name, `${field}.name`, 500),
    };
  });
  const keys = recipients.map(recipientKeyOf);
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) {
      throw validationFailed(`recipients[${index}]`, 'DUPLICATE_RECIPIENT', 'names a recipient twice', { recipientKey: key });
    }
  });
  return recipients;
}

/** At least one file; the first is the main file and must be a PDF (only PDF is signed: Ninh Bình Điều 8.3.b). */
function requireDraftAttachments(value: unknown): readonly Attachment[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw validationFailed('attachments', 'MAIN_FILE_REQUIRED', 'must contain the main file (a PDF) first');
  }
  const [main, ...annexes] = value as Attachment[];
  return [checkAttachment(main, SIGNED_DOCUMENT_EXTENSIONS), ...checkAttachments(annexes)];
}

function requireDocumentIds(value: unknown, field: string): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw validationFailed(field, 'INVALID', 'must be a list');
  return [...new Set(value.map((id, index) => requireText(id, `${field}[${index}]`, 128)))];
}

interface DraftInput {
  readonly documentType: unknown;
  readonly subject: unknown;
  readonly urgency: unknown;
  readonly confidentiality: unknown;
  readonly recipients: unknown;
  readonly attachments: unknown;
  readonly replyToDocumentIds?: unknown;
  readonly paperCopy: unknown;
  readonly dueDate?: unknown;
}

function draftContent(input: DraftInput, version: number): OutgoingDraftContent {
  const confidentiality = requireNotClassified(input.confidentiality);
  const documentType = requireDocumentType(input.documentType);
  if (typeof input.paperCopy !== 'boolean') throw validationFailed('paperCopy', 'REQUIRED', 'must be true or false');
  return {
    version,
    documentType: documentType.code,
    documentTypeName: documentType.name,
    subject: requireText(input.subject, 'subject', MAX_OUTGOING_SUBJECT_LENGTH),
    urgency: requireOneOf<Urgency>(input.urgency, URGENCIES, 'urgency'),
    confidentiality,
    recipients: requireRecipients(input.recipients),
    attachments: requireDraftAttachments(input.attachments),
    replyToDocumentIds: requireDocumentIds(input.replyToDocumentIds, 'replyToDocumentIds'),
    paperCopy: input.paperCopy,
    dueDate: input.dueDate === null || input.dueDate === undefined ? null : requireDate(input.dueDate, 'dueDate'),
  };
}

/** The content fields of an event, in a fixed order (state and comparisons). */
export function draftContentOf(data: OutgoingDraftContent): OutgoingDraftContent {
  const { version, documentType, documentTypeName, subject, urgency, confidentiality, recipients, attachments, replyToDocumentIds, paperCopy, dueDate } =
    data;
  return { version, documentType, documentTypeName, subject, urgency, confidentiality, recipients, attachments, replyToDocumentIds, paperCopy, dueDate };
}

function sameContent(a: OutgoingDraftContent, b: OutgoingDraftContent): boolean {
  return JSON.stringify({ ...draftContentOf(a), version: 0 }) === JSON.stringify({ ...draftContentOf(b), version: 0 });
}

/** The main file of the current draft (the first attachment). */
export function mainFileOf(state: ExistingOutgoingDocumentState): Attachment {
  return state.document.draft.attachments[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

function create(command: CreateOutgoingDraft, state: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const { data, context } = command;
  requireSameAgency(context.actor, data.agencyCode, command.type);
  requireAnyRole(context.actor, OUTGOING_DRAFTER_ROLES, command.type);
  if (state.status !== 'NONE') {
    throw new DomainError('ALREADY_EXISTS', `Outgoing document ${data.documentId} already exists`, { documentId: data.documentId });
  }
  const content = draftContent(data, 1);
  return [
    {
      type: 'OutgoingDraftCreated',
      data: {
        documentId: requireText(data.documentId, 'documentId', 128),
        agencyCode: data.agencyCode,
        unitId: requireText(data.unitId, 'unitId', 64),
        ...content,
        createdAt: context.now,
        drafter: personOf(context.actor),
      },
    },
  ];
}

function revise(command: ReviseOutgoingDraft, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'ReviseOutgoingDraft', 'DRAFT' | 'RETURNED'>(command, current);
  requireDrafter(command, state);
  const { data, context } = command;
  const { draft } = state.document;
  const pick = <K extends keyof DraftInput & keyof OutgoingDraftContent>(key: K): unknown => (data[key] === undefined ? draft[key] : data[key]);
  const content = draftContent(
    {
      documentType: pick('documentType'),
      subject: pick('subject'),
      urgency: pick('urgency'),
      confidentiality: pick('confidentiality'),
      recipients: pick('recipients'),
      attachments: pick('attachments'),
      replyToDocumentIds: pick('replyToDocumentIds'),
      paperCopy: pick('paperCopy'),
      dueDate: pick('dueDate'),
    },
    draft.version + 1,
  );
  if (state.status === 'DRAFT' && sameContent(content, draft)) return [];
  return [
    {
      type: 'OutgoingDraftRevised',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        unitId: state.document.unitId,
        ...content,
        previousStatus: state.status,
        revisedAt: context.now,
        revisedBy: personOf(context.actor),
      },
    },
  ];
}

function submit(command: SubmitOutgoingDraft, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'SubmitOutgoingDraft', 'DRAFT'>(command, current);
  requireDrafter(command, state);
  const { data, context } = command;
  const approver = {
    username: requireText(data.approverUsername, 'approverUsername', 64),
    fullName: requireText(data.approverFullName, 'approverFullName', 255),
  };
  if (data.approverAgencyCode !== state.document.agencyCode) {
    throw validationFailed('approverAgencyCode', 'APPROVER_OTHER_AGENCY', 'the approver must belong to the issuing agency', {
      approverAgencyCode: data.approverAgencyCode,
    });
  }
  const approverRoles: readonly Role[] = Array.isArray(data.approverRoles) ? data.approverRoles : [];
  if (!OUTGOING_SIGNER_ROLES.some((role) => approverRoles.includes(role))) {
    throw validationFailed('approverRoles', 'APPROVER_CANNOT_SIGN', `the approver signs, so must hold one of ${OUTGOING_SIGNER_ROLES.join(', ')}`, {
      approverRoles,
    });
  }
  const { draft } = state.document;
  return [
    {
      type: 'OutgoingDraftSubmitted',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        version: draft.version,
        approver,
        documentTypeName: draft.documentTypeName,
        subject: draft.subject,
        urgency: draft.urgency,
        submittedAt: context.now,
        submittedBy: personOf(context.actor),
      },
    },
  ];
}

function returnDraft(command: ReturnOutgoingDraft, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'ReturnOutgoingDraft', 'SUBMITTED'>(command, current);
  const { data, context } = command;
  const onBehalfOf = onBehalfOfInput(data.onBehalfOf, context.actor);
  requireApproverOrDelegate(command, state.approver, onBehalfOf);
  return [
    {
      type: 'OutgoingDraftReturned',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        version: state.document.draft.version,
        reason: requireText(data.reason, 'reason', MAX_OUTGOING_REASON_LENGTH),
        drafter: state.document.drafter,
        returnedAt: context.now,
        returnedBy: personOf(context.actor),
        onBehalfOf,
      },
    },
  ];
}

function approve(command: ApproveOutgoingDraft, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'ApproveOutgoingDraft', 'SUBMITTED'>(command, current);
  const { data, context } = command;
  const onBehalfOf = onBehalfOfInput(data.onBehalfOf, context.actor);
  requireApproverOrDelegate(command, state.approver, onBehalfOf);
  return [
    {
      type: 'OutgoingDraftApproved',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        version: state.document.draft.version,
        mainFileSha256: mainFileOf(state).sha256,
        approvedAt: context.now,
        approvedBy: personOf(context.actor),
        onBehalfOf,
      },
    },
  ];
}

function sign(command: SignOutgoingDocument, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'SignOutgoingDocument', 'APPROVED'>(command, current);
  const { data, context } = command;
  const onBehalfOf = onBehalfOfInput(data.onBehalfOf, context.actor);
  requireApproverOrDelegate(command, state.approver, onBehalfOf);
  const competence = requireOneOf<SignerCompetence>(data.competence, SIGNER_COMPETENCES, 'competence');
  if (onBehalfOf !== null && competence === 'DIRECT') {
    throw validationFailed('competence', 'DELEGATE_CANNOT_SIGN_DIRECT', 'a delegate signs KT., TM., TL., TUQ. or Q., not in their own right');
  }
  const certificateSerial = requireText(data.certificateSerial, 'certificateSerial', 128);
  const signedAt = requireSigningTime(data.signedAt, 'signedAt', context.now);
  const documentSha256 = requireSha256(data.documentSha256, 'documentSha256');
  const mainFile = mainFileOf(state);
  if (documentSha256 !== mainFile.sha256 || documentSha256 !== state.approval.mainFileSha256) {
    throw new DomainError('SIGNATURE_MISMATCH', `The signature is not on the approved main file ${mainFile.fileName}`, {
      rule: 'MAIN_FILE_SHA256',
      documentId: state.document.documentId,
      fileName: mainFile.fileName,
      expectedSha256: mainFile.sha256,
      documentSha256,
    });
  }
  const signerPosition = requireText(data.signerPosition, 'signerPosition', 255);
  const issueDueAt = requireInstant(data.issueDueAt, 'issueDueAt');
  if (isAfter(signedAt, issueDueAt)) throw validationFailed('issueDueAt', 'BEFORE_SIGNED_AT', 'must not be earlier than signedAt');
  const { actor } = context;
  return [
    {
      type: 'OutgoingDocumentSigned',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        version: state.document.draft.version,
        signer: { ...personOf(actor), position: signerPosition, competence },
        onBehalfOf,
        certificateSerial,
        signedAt,
        documentSha256,
        mainFileName: mainFile.fileName,
        issueDueAt,
        urgency: state.document.draft.urgency,
        recordedAt: context.now,
      },
    },
  ];
}

function numberDocument(command: NumberOutgoingDocument, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'NumberOutgoingDocument', 'SIGNED'>(command, current);
  const { data, context } = command;
  if (typeof data.registerCode !== 'string' || !REGISTER_CODE_PATTERN.test(data.registerCode)) {
    throw validationFailed('registerCode', 'INVALID_REGISTER_CODE', `must match ${REGISTER_CODE_PATTERN.source}`, { value: data.registerCode });
  }
  const year = requireYear(data.year, 'year');
  const number = requirePositiveInteger(data.number, 'number');
  const sequence = requirePositiveInteger(data.agencyIssueSequence, 'agencyIssueSequence');
  const issuedDate = requireDate(data.issuedDate, 'issuedDate');
  // Decree 30 Điều 15.1: numbers follow the order of issue within the year, from 1 January to 31 December
  // (Vietnam time). The date and year are the application's; they must be today's in Vietnam.
  const today = vietnamDateOf(context.now);
  if (issuedDate !== today) throw validationFailed('issuedDate', 'NOT_TODAY', 'must be the Vietnam date of numbering', { expected: today });
  if (yearOfDate(issuedDate) !== year) {
    throw validationFailed('year', 'YEAR_MISMATCH', `must be the year of issuedDate (${yearOfDate(issuedDate)})`, { issuedDate });
  }
  const { document } = state;
  const documentType = requireDocumentType(document.draft.documentType);
  const agencyAbbreviation = requireAbbreviation(data.agencyAbbreviation, 'agencyAbbreviation');
  const unitAbbreviation =
    data.unitAbbreviation === null || data.unitAbbreviation === undefined ? null : requireAbbreviation(data.unitAbbreviation, 'unitAbbreviation');
  if (documentType.notationStyle === 'AGENCY_UNIT' && unitAbbreviation === null) {
    throw validationFailed('unitAbbreviation', 'REQUIRED', `the notation of a ${documentType.name} names the drafting unit`);
  }
  return [
    {
      type: 'OutgoingDocumentNumbered',
      data: {
        documentId: document.documentId,
        agencyCode: document.agencyCode,
        registerCode: data.registerCode,
        year,
        number,
        codeNumber: renderCodeNumber(number),
        codeNotation: renderCodeNotation(documentType, agencyAbbreviation, unitAbbreviation),
        issuedDate,
        identifier: documentIdentifier(document.agencyCode, year, sequence),
        unitId: document.unitId,
        documentType: document.draft.documentType,
        documentTypeName: document.draft.documentTypeName,
        subject: document.draft.subject,
        urgency: document.draft.urgency,
        signer: state.signature.signer,
        recipients: document.draft.recipients,
        numberedAt: context.now,
        numberedBy: personOf(context.actor),
      },
    },
  ];
}

function applyAgencySignature(command: ApplyAgencySignature, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'ApplyAgencySignature', 'NUMBERED'>(command, current);
  const { data, context } = command;
  const certificateSerial = requireText(data.certificateSerial, 'certificateSerial', 128);
  const signedAt = requireSigningTime(data.signedAt, 'signedAt', context.now);
  const documentSha256 = requireSha256(data.documentSha256, 'documentSha256');
  if (documentSha256 !== state.signature.documentSha256) {
    throw signatureOrder(state, command.type, 'NOT_SIGNED_BY_SIGNER', 'The agency signature must go on the file the signer signed');
  }
  if (isAfter(state.signature.signedAt, signedAt)) {
    throw signatureOrder(state, command.type, 'BEFORE_SIGNER_SIGNATURE', 'The agency signature cannot precede the signer’s signature');
  }
  return [
    {
      type: 'OutgoingAgencySignatureApplied',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        certificateSerial,
        signedAt,
        documentSha256,
        appliedAt: context.now,
        appliedBy: personOf(context.actor),
      },
    },
  ];
}

function issue(command: IssueOutgoingDocument, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'IssueOutgoingDocument', 'SEALED'>(command, current);
  const { data, context } = command;
  const agencyName = requireText(data.agencyName, 'agencyName', 500);
  if (!Array.isArray(data.recipientsInSystem)) throw validationFailed('recipientsInSystem', 'REQUIRED', 'must be a list');
  const { document, signature, numbering, agencySignature } = state;
  const { draft } = document;
  const inSystem = new Set(data.recipientsInSystem.map((code, index) => requireText(code, `recipientsInSystem[${index}]`, 32)));
  for (const code of inSystem) {
    if (!draft.recipients.some((recipient) => recipient.agencyCode === code)) {
      throw new DomainError('RECIPIENT_UNKNOWN', `${code} is not a recipient of this document`, { agencyCode: code, documentId: document.documentId });
    }
  }
  const recipients: IssuedRecipient[] = draft.recipients.map((recipient) => ({
    recipientKey: recipientKeyOf(recipient),
    agencyCode: recipient.agencyCode,
    name: recipient.name,
    inSystem: recipient.agencyCode !== null && inSystem.has(recipient.agencyCode),
  }));
  return [
    {
      type: 'OutgoingDocumentIssued',
      data: {
        documentId: document.documentId,
        agencyCode: document.agencyCode,
        agencyName,
        unitId: document.unitId,
        version: draft.version,
        documentType: draft.documentType,
        documentTypeName: draft.documentTypeName,
        subject: draft.subject,
        urgency: draft.urgency,
        confidentiality: draft.confidentiality,
        dueDate: draft.dueDate,
        registerCode: numbering.registerCode,
        year: numbering.year,
        number: numbering.number,
        codeNumber: numbering.codeNumber,
        codeNotation: numbering.codeNotation,
        issuedDate: numbering.issuedDate,
        identifier: numbering.identifier,
        signer: signature.signer,
        signedAt: signature.signedAt,
        agencySignedAt: agencySignature.signedAt,
        documentSha256: signature.documentSha256,
        attachments: draft.attachments,
        replyToDocumentIds: draft.replyToDocumentIds,
        paperCopy: draft.paperCopy,
        recipients,
        issueDueAt: signature.issueDueAt,
        issuedLate: isAfter(context.now, signature.issueDueAt),
        issuedAt: context.now,
        issuedBy: personOf(context.actor),
      },
    },
  ];
}

function recall(command: RecallOutgoingDocument, current: OutgoingDocumentState): OutgoingDocumentEvent[] {
  const state = guard<'RecallOutgoingDocument', 'ISSUED'>(command, current);
  const { data, context } = command;
  return [
    {
      type: 'OutgoingDocumentRecalled',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        codeNumber: state.numbering.codeNumber,
        codeNotation: state.numbering.codeNotation,
        reason: requireText(data.reason, 'reason', MAX_OUTGOING_REASON_LENGTH),
        recipients: state.issue.recipients,
        recalledAt: context.now,
        recalledBy: personOf(context.actor),
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Evolve. An event that does not fit the state (impossible for streams written through `decide`) leaves it as is.
// ---------------------------------------------------------------------------------------------------------------

function evolve(state: OutgoingDocumentState, event: OutgoingDocumentEvent): OutgoingDocumentState {
  switch (event.type) {
    case 'OutgoingDraftCreated': {
      if (state.status !== 'NONE') return state;
      const { documentId, agencyCode, unitId, drafter, createdAt } = event.data;
      return { status: 'DRAFT', document: { documentId, agencyCode, unitId, drafter, createdAt, draft: draftContentOf(event.data) }, lastReturn: null };
    }

    case 'OutgoingDraftRevised': {
      if (state.status !== 'DRAFT' && state.status !== 'RETURNED') return state;
      return { status: 'DRAFT', document: { ...state.document, draft: draftContentOf(event.data) }, lastReturn: state.lastReturn };
    }

    case 'OutgoingDraftSubmitted':
      if (state.status !== 'DRAFT') return state;
      return { status: 'SUBMITTED', document: state.document, approver: event.data.approver, submittedAt: event.data.submittedAt };

    case 'OutgoingDraftReturned': {
      if (state.status !== 'SUBMITTED') return state;
      const { reason, returnedAt, returnedBy, onBehalfOf } = event.data;
      return { status: 'RETURNED', document: state.document, approver: state.approver, lastReturn: { reason, returnedAt, returnedBy, onBehalfOf } };
    }

    case 'OutgoingDraftApproved': {
      if (state.status !== 'SUBMITTED') return state;
      const { version, mainFileSha256, approvedAt, approvedBy, onBehalfOf } = event.data;
      return {
        status: 'APPROVED',
        document: state.document,
        approver: state.approver,
        approval: { version, mainFileSha256, approvedAt, approvedBy, onBehalfOf },
      };
    }

    case 'OutgoingDocumentSigned': {
      if (state.status !== 'APPROVED') return state;
      const { signer, onBehalfOf, certificateSerial, signedAt, documentSha256, issueDueAt } = event.data;
      return { ...state, status: 'SIGNED', signature: { signer, onBehalfOf, certificateSerial, signedAt, documentSha256, issueDueAt } };
    }

    case 'OutgoingDocumentNumbered': {
      if (state.status !== 'SIGNED') return state;
      const { registerCode, year, number, codeNumber, codeNotation, issuedDate, identifier, numberedAt } = event.data;
      return {
        ...state,
        status: 'NUMBERED',
        numbering: { registerCode, year, number, codeNumber, codeNotation, issuedDate, identifier, numberedAt },
      };
    }

    case 'OutgoingAgencySignatureApplied': {
      if (state.status !== 'NUMBERED') return state;
      const { certificateSerial, signedAt, documentSha256, appliedAt, appliedBy } = event.data;
      return { ...state, status: 'SEALED', agencySignature: { certificateSerial, signedAt, documentSha256, appliedAt, appliedBy } };
    }

    case 'OutgoingDocumentIssued': {
      if (state.status !== 'SEALED') return state;
      const { agencyName, recipients, issuedAt, issuedBy, issuedLate } = event.data;
      return { ...state, status: 'ISSUED', issue: { agencyName, recipients, issuedAt, issuedBy, issuedLate } };
    }

    case 'OutgoingDocumentRecalled': {
      if (state.status !== 'ISSUED') return state;
      const { reason, recalledAt, recalledBy } = event.data;
      return { ...state, status: 'RECALLED', recall: { reason, recalledAt, recalledBy } };
    }

    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function decide(command: OutgoingDocumentCommand, state: OutgoingDocumentState): readonly OutgoingDocumentEvent[] {
  switch (command.type) {
    case 'CreateOutgoingDraft':
      return create(command, state);
    case 'ReviseOutgoingDraft':
      return revise(command, state);
    case 'SubmitOutgoingDraft':
      return submit(command, state);
    case 'ReturnOutgoingDraft':
      return returnDraft(command, state);
    case 'ApproveOutgoingDraft':
      return approve(command, state);
    case 'SignOutgoingDocument':
      return sign(command, state);
    case 'NumberOutgoingDocument':
      return numberDocument(command, state);
    case 'ApplyAgencySignature':
      return applyAgencySignature(command, state);
    case 'IssueOutgoingDocument':
      return issue(command, state);
    case 'RecallOutgoingDocument':
      return recall(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export type OutgoingDocumentDecider = Decider<OutgoingDocumentCommand, OutgoingDocumentEvent, OutgoingDocumentState>;

/** The outgoing document aggregate (stream `outgoing-<documentId>`). */
export const outgoingDocumentDecider: OutgoingDocumentDecider = {
  initialState: () => ({ status: 'NONE' }),
  evolve,
  decide,
};
