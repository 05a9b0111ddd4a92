import type { Actor, Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { hasAnyRole, personOf, requireAnyRole, requireSameAgency } from '../shared/authorization';
import { instantMillis, isAfter } from '../shared/time';
import {
  optionalText,
  requireDate,
  requireInstant,
  requireOneOf,
  requirePositiveInteger,
  requireText,
  requireYear,
  validationFailed,
} from '../shared/validation';
import { checkAttachments } from '../document/attachment-rules';
import { CONFIDENTIALITIES, RECEIPT_CHANNELS, URGENCIES } from '../document/document-metadata';
import type { Confidentiality } from '../document/document-metadata';
import { incomingIdentityKey } from '../incoming-identity/incoming-identity-key';
import { REGISTER_CODE_PATTERN } from '../register/default-registers';
import type {
  AcknowledgeRecall,
  AssignIncomingDocument,
  CompleteIncomingDocument,
  ExtendDeadline,
  ForwardAssignment,
  ForwardTarget,
  IncomingDocumentCommand,
  LinkPaperCopy,
  PresentIncomingDocument,
  ReceiveIncomingDocument,
  ReceiveRecallRequest,
  RecomputeReceiptDeadlines,
  RefuseRecall,
  RegisterIncomingDocument,
  RejectIncomingDocument,
  ReportProgress,
  StartProcessing,
} from './incoming-document.commands';
import {
  ASSIGNMENT_ROLES,
  REJECTION_REASONS,
  type Assignee,
  type AssignmentRole,
  type DocumentSource,
  type Handler,
  type IncomingDocumentEvent,
  type IncomingStatus,
  type ReceiptInstants,
  type RejectionReason,
} from './incoming-document.events';
import type {
  ExistingIncomingDocumentState,
  IncomingDocumentState,
  RecallableState,
  ReceivedState,
} from './incoming-document.state';
import {
  INCOMING_COMMAND_ALLOWED_FROM,
  INCOMING_COMMAND_ROLES,
  type IncomingDocumentCommandOnExisting,
} from './incoming-document.transitions';

type CommandOnExisting = Exclude<IncomingDocumentCommand, ReceiveIncomingDocument>;
type InStatus<S extends IncomingStatus> = Extract<ExistingIncomingDocumentState, { status: S }>;

export const MAX_SUBJECT_LENGTH = 500;
export const MAX_NOTE_LENGTH = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Guards shared by the commands on an existing document, in this order: the document exists (NOT_FOUND), the
// actor belongs to its agency (FORBIDDEN_FOR_ROLE / OTHER_AGENCY), holds a role the command needs
// (FORBIDDEN_FOR_ROLE / MISSING_ROLE), and the document is in a status the command is allowed from
// (INVALID_TRANSITION naming the status and the command). Per-document permissions and data come after.
// ---------------------------------------------------------------------------------------------------------------

function invalidTransition(state: ExistingIncomingDocumentState, command: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    `${command} is not allowed when the incoming document is ${state.status}`,
    { status: state.status, command, documentId: state.document.documentId, ...extra },
  );
}

function guard<T extends IncomingDocumentCommandOnExisting, S extends IncomingStatus>(
  command: Extract<CommandOnExisting, { type: T }>,
  state: IncomingDocumentState,
): InStatus<S> {
  const type: IncomingDocumentCommandOnExisting = command.type;
  if (state.status === 'NONE') {
    throw new DomainError('NOT_FOUND', `Incoming document ${command.data.documentId} does not exist`, {
      documentId: command.data.documentId,
    });
  }
  if (command.data.documentId !== state.document.documentId) {
    throw validationFailed('documentId', 'STREAM_MISMATCH', `does not match the document ${state.document.documentId}`);
  }
  requireSameAgency(command.context.actor, state.document.agencyCode, type);
  const roles = INCOMING_COMMAND_ROLES[type];
  if (roles !== null) requireAnyRole(principalOf(command), roles, type);
  if (!INCOMING_COMMAND_ALLOWED_FROM[type].includes(state.status)) throw invalidTransition(state, type);
  return state as InStatus<S>;
}

/**
 * Whose authority a command is made with: the actor's, or for an assignment by a delegate the leader's roles
 * (the delegate still acts in their own agency and name).
 */
function principalOf(command: CommandOnExisting): Actor {
  const { actor } = command.context;
  if (command.type !== 'AssignIncomingDocument' || !command.data.onBehalfOf) return actor;
  const { username, roles } = command.data.onBehalfOf;
  if (username === actor.username) throw validationFailed('onBehalfOf', 'SELF_DELEGATION', 'must be someone else than the actor');
  return { ...actor, roles };
}

function requireNotPaperCopy(state: InStatus<'REGISTERED' | 'PRESENTED'>, command: string): void {
  if (state.paperCopyOf !== null) {
    // Decree 30 Điều 23.4: the electronic original is presented; the paper copy only follows it.
    throw new DomainError(
      'INVALID_TRANSITION',
      `${command} is not allowed: this document is the paper copy of ${state.paperCopyOf}`,
      { status: state.status, command, documentId: state.document.documentId, paperCopyOf: state.paperCopyOf },
    );
  }
}

/** The lead person, or a UNIT_HEAD of the lead unit. */
export function isLeadAssignee(actor: Actor, lead: Handler): boolean {
  if (lead.username !== null) return actor.username === lead.username;
  return lead.unitId !== null && actor.unitId === lead.unitId && actor.roles.includes('UNIT_HEAD');
}

/** A LEADER, or a UNIT_HEAD of the lead unit or of the lead person's unit. */
export function canForwardLead(actor: Actor, lead: Handler): boolean {
  if (actor.roles.includes('LEADER')) return true;
  if (!actor.roles.includes('UNIT_HEAD') || actor.unitId === null) return false;
  return actor.unitId === lead.unitId || actor.unitId === lead.unitIdOfUser;
}

function requireLead(command: CommandOnExisting, lead: Handler): void {
  if (!isLeadAssignee(command.context.actor, lead)) {
    throw new DomainError('FORBIDDEN_FOR_ROLE', `${command.type} is only for the lead assignee (${lead.fullName})`, {
      reason: 'NOT_LEAD_ASSIGNEE',
      command: command.type,
      lead,
    });
  }
}

function sameHandler(a: Handler, b: Handler): boolean {
  return (a.username !== null && a.username === b.username) || (a.unitId !== null && a.unitId === b.unitId);
}

function handlerOf(assignee: Handler): Handler {
  return { username: assignee.username, unitId: assignee.unitId, unitIdOfUser: assignee.unitIdOfUser, fullName: assignee.fullName };
}

/** Exactly one of username / unitId, a name; `unitIdOfUser` only for a person. */
function requireHandler(input: ForwardTarget, field: string): Handler {
  const username = input.username === null || input.username === undefined ? null : requireText(input.username, `${field}.username`, 64);
  const unitId = input.unitId === null || input.unitId === undefined ? null : requireText(input.unitId, `${field}.unitId`, 64);
  if ((username === null) === (unitId === null)) {
    throw validationFailed(field, 'EXACTLY_ONE_OF_USERNAME_UNIT', 'must name exactly one of username and unitId');
  }
  const unitIdOfUser =
    username === null || input.unitIdOfUser === null || input.unitIdOfUser === undefined
      ? null
      : requireText(input.unitIdOfUser, `${field}.unitIdOfUser`, 64);
  return { username, unitId, unitIdOfUser, fullName: requireText(input.fullName, `${field}.fullName`, 255) };
}

/** A deadline strictly after `now` and not after `latest` (when given). */
function requireDeadline(value: unknown, field: string, now: string, latest: string | null): string {
  const deadline = requireInstant(value, field);
  if (!isAfter(deadline, now)) throw validationFailed(field, 'NOT_IN_FUTURE', 'must be later than now', { now });
  if (latest !== null && isAfter(deadline, latest)) {
    throw validationFailed(field, 'AFTER_DOCUMENT_DEADLINE', 'must not be after the overall deadline', { latest });
  }
  return deadline;
}

function sourceOf(state: ExistingIncomingDocumentState): DocumentSource | null {
  return state.document.source;
}

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

function receive(command: ReceiveIncomingDocument, state: IncomingDocumentState): IncomingDocumentEvent[] {
  const { data, context } = command;
  requireAnyRole(context.actor, ['CLERK'], command.type);
  requireSameAgency(context.actor, data.agencyCode, command.type);
  if (state.status !== 'NONE') {
    throw new DomainError('ALREADY_EXISTS', `Incoming document ${data.documentId} already exists`, { documentId: data.documentId });
  }
  const confidentiality = requireOneOf<Confidentiality>(data.confidentiality, CONFIDENTIALITIES, 'confidentiality');
  if (confidentiality !== 'NONE') {
    throw new DomainError('CLASSIFIED_NOT_ALLOWED', 'Classified documents (Mật, Tối mật, Tuyệt mật) are not handled by this system', {
      confidentiality,
    });
  }
  const documentId = requireText(data.documentId, 'documentId', 128);
  const channel = requireOneOf(data.channel, RECEIPT_CHANNELS, 'channel');
  if (typeof data.sender !== 'object' || data.sender === null) throw validationFailed('sender', 'REQUIRED', 'is required');
  const sender = {
    agencyCode: data.sender.agencyCode === null || data.sender.agencyCode === undefined ? null : requireText(data.sender.agencyCode, 'sender.agencyCode', 32),
    name: requireText(data.sender.name, 'sender.name', 500),
  };
  if (typeof data.signer !== 'object' || data.signer === null) throw validationFailed('signer', 'REQUIRED', 'is required');
  const signer = {
    fullName: requireText(data.signer.fullName, 'signer.fullName', 255),
    position: optionalText(data.signer.position, 'signer.position', 255),
  };
  const receivedAt = requireInstant(data.receivedAt, 'receivedAt');
  if (isAfter(receivedAt, context.now)) throw validationFailed('receivedAt', 'IN_THE_FUTURE', 'must not be later than now');
  const effectiveReceivedAt = requireInstant(data.effectiveReceivedAt, 'effectiveReceivedAt');
  if (isAfter(receivedAt, effectiveReceivedAt)) {
    throw validationFailed('effectiveReceivedAt', 'BEFORE_RECEIVED_AT', 'must not be earlier than receivedAt');
  }
  const registrationDueAt = requireInstant(data.registrationDueAt, 'registrationDueAt');
  if (isAfter(effectiveReceivedAt, registrationDueAt)) {
    throw validationFailed('registrationDueAt', 'BEFORE_EFFECTIVE_RECEIVED_AT', 'must not be earlier than effectiveReceivedAt');
  }
  const source =
    data.source === null || data.source === undefined
      ? null
      : {
          outgoingDocumentId: requireText(data.source.outgoingDocumentId, 'source.outgoingDocumentId', 128),
          agencyCode: requireText(data.source.agencyCode, 'source.agencyCode', 32),
        };
  const fields = {
    codeNumber: requireText(data.codeNumber, 'codeNumber', 30),
    codeNotation: requireText(data.codeNotation, 'codeNotation', 100),
    issuedDate: requireDate(data.issuedDate, 'issuedDate'),
    documentType: requireText(data.documentType, 'documentType', 100),
    subject: requireText(data.subject, 'subject', MAX_SUBJECT_LENGTH),
    urgency: requireOneOf(data.urgency, URGENCIES, 'urgency'),
    dueDate: data.dueDate === null || data.dueDate === undefined ? null : requireDate(data.dueDate, 'dueDate'),
    urgencyDueAt: data.urgencyDueAt === null || data.urgencyDueAt === undefined ? null : requireInstant(data.urgencyDueAt, 'urgencyDueAt'),
  };
  if (!Array.isArray(data.attachments)) throw validationFailed('attachments', 'REQUIRED', 'must be a list');
  const attachments = checkAttachments(data.attachments);
  return [
    {
      type: 'IncomingDocumentReceived',
      data: {
        documentId,
        agencyCode: data.agencyCode,
        channel,
        sender,
        codeNumber: fields.codeNumber,
        codeNotation: fields.codeNotation,
        issuedDate: fields.issuedDate,
        documentType: fields.documentType,
        subject: fields.subject,
        signer,
        urgency: fields.urgency,
        confidentiality,
        dueDate: fields.dueDate,
        attachments,
        receivedAt,
        effectiveReceivedAt,
        registrationDueAt,
        urgencyDueAt: fields.urgencyDueAt,
        source,
        receivedBy: personOf(context.actor),
      },
    },
  ];
}

function requireRegisterCode(value: unknown): string {
  if (typeof value !== 'string' || !REGISTER_CODE_PATTERN.test(value)) {
    throw validationFailed('registerCode', 'INVALID_REGISTER_CODE', `must match ${REGISTER_CODE_PATTERN.source}`, { value });
  }
  return value;
}

/** The uniqueness key of a received document (what `ClaimIncomingIdentity` must have claimed). */
export function identityKeyOf(state: ExistingIncomingDocumentState): string {
  const { agencyCode, sender, codeNumber, codeNotation, issuedDate } = state.document;
  return incomingIdentityKey({ recipientAgencyCode: agencyCode, sender, codeNumber, codeNotation, issuedDate });
}

function register(command: RegisterIncomingDocument, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'RegisterIncomingDocument', 'RECEIVED'>(command, current);
  const { data, context } = command;
  const registerCode = requireRegisterCode(data.registerCode);
  const year = requireYear(data.year, 'year');
  const arrivalNumber = requirePositiveInteger(data.arrivalNumber, 'arrivalNumber');
  const arrivalDate = requireDate(data.arrivalDate, 'arrivalDate');
  if (Number(arrivalDate.slice(0, 4)) !== year) {
    throw validationFailed('arrivalDate', 'YEAR_MISMATCH', `must be a date of ${year}, the register's year`);
  }
  const identityKey = requireText(data.identityKey, 'identityKey', 1000);
  const expectedKey = identityKeyOf(state);
  if (identityKey !== expectedKey) {
    throw validationFailed('identityKey', 'KEY_MISMATCH', "must be the document's incomingIdentityKey", { expected: expectedKey });
  }
  return [
    {
      type: 'IncomingDocumentRegistered',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        registerCode,
        year,
        arrivalNumber,
        arrivalDate,
        identityKey,
        registeredAt: context.now,
        registeredLate: isAfter(context.now, state.document.registrationDueAt),
        registeredBy: personOf(context.actor),
        source: sourceOf(state),
      },
    },
  ];
}

function linkPaperCopy(command: LinkPaperCopy, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'LinkPaperCopy', 'RECEIVED'>(command, current);
  const { data, context } = command;
  const originalDocumentId = requireText(data.originalDocumentId, 'originalDocumentId', 128);
  if (originalDocumentId === state.document.documentId) {
    throw validationFailed('originalDocumentId', 'SELF_LINK', 'must be another document');
  }
  return [
    {
      type: 'IncomingPaperCopyLinked',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        originalDocumentId,
        originalArrivalNumber: requirePositiveInteger(data.originalArrivalNumber, 'originalArrivalNumber'),
        registerCode: requireRegisterCode(data.registerCode),
        year: requireYear(data.year, 'year'),
        linkedAt: context.now,
        linkedBy: personOf(context.actor),
      },
    },
  ];
}

function reject(command: RejectIncomingDocument, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'RejectIncomingDocument', 'RECEIVED'>(command, current);
  const { data, context } = command;
  const reason = requireOneOf<RejectionReason>(data.reason, REJECTION_REASONS, 'reason');
  const note = reason === 'OTHER' ? requireText(data.note, 'note', MAX_NOTE_LENGTH) : optionalText(data.note, 'note', MAX_NOTE_LENGTH);
  return [
    {
      type: 'IncomingDocumentRejected',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        reason,
        note,
        rejectedAt: context.now,
        rejectedBy: personOf(context.actor),
        source: sourceOf(state),
      },
    },
  ];
}

function present(command: PresentIncomingDocument, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'PresentIncomingDocument', 'REGISTERED'>(command, current);
  requireNotPaperCopy(state, command.type);
  const { data, context } = command;
  return [
    {
      type: 'IncomingDocumentPresented',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        leader: {
          username: requireText(data.leaderUsername, 'leaderUsername', 64),
          fullName: requireText(data.leaderFullName, 'leaderFullName', 255),
        },
        presentedAt: context.now,
        presentedBy: personOf(context.actor),
      },
    },
  ];
}

function assign(command: AssignIncomingDocument, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'AssignIncomingDocument', 'REGISTERED' | 'PRESENTED'>(command, current);
  requireNotPaperCopy(state, command.type);
  const { data, context } = command;
  const actsAsLeader = hasAnyRole(principalOf(command), ['LEADER', 'UNIT_HEAD']);
  if (!actsAsLeader && state.status !== 'REGISTERED') {
    // A clerk routes directly only right after registering; once presented, the leader decides.
    throw new DomainError('FORBIDDEN_FOR_ROLE', 'A clerk may only route a document directly after registering it', {
      reason: 'CLERK_ROUTES_ONLY_AFTER_REGISTRATION',
      command: command.type,
      status: state.status,
    });
  }
  const deadline = requireDeadline(data.deadline, 'deadline', context.now, null);
  if (!Array.isArray(data.assignees) || data.assignees.length === 0) {
    throw validationFailed('assignees', 'REQUIRED', 'must name at least the lead');
  }
  const assignees: Assignee[] = data.assignees.map((input, index) => {
    const field = `assignees[${index}]`;
    const role = requireOneOf<AssignmentRole>(input.role, ASSIGNMENT_ROLES, `${field}.role`);
    const handler = requireHandler(input, field);
    const own =
      input.deadline === null || input.deadline === undefined
        ? deadline
        : requireDeadline(input.deadline, `${field}.deadline`, context.now, deadline);
    return { role, ...handler, deadline: own };
  });
  const leads = assignees.filter((assignee) => assignee.role === 'LEAD').length;
  if (leads !== 1) {
    throw validationFailed('assignees', 'EXACTLY_ONE_LEAD', 'must name exactly one LEAD (chủ trì)', { leadCount: leads });
  }
  assignees.forEach((assignee, index) => {
    if (assignees.slice(0, index).some((earlier) => sameHandler(earlier, assignee))) {
      throw validationFailed(`assignees[${index}]`, 'DUPLICATE_ASSIGNEE', 'names the same person or unit twice');
    }
  });
  return [
    {
      type: 'IncomingDocumentAssigned',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        assignees,
        instruction: optionalText(data.instruction, 'instruction', 2000),
        deadline,
        urgency: state.document.urgency,
        assignedAt: context.now,
        assignedBy: personOf(context.actor),
        routedByClerk: !actsAsLeader,
        source: sourceOf(state),
      },
    },
  ];
}

function forward(command: ForwardAssignment, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'ForwardAssignment', 'ASSIGNED'>(command, current);
  const { data, context } = command;
  const { lead } = state.assignment;
  if (!canForwardLead(context.actor, lead)) {
    throw new DomainError('FORBIDDEN_FOR_ROLE', `Only a LEADER or the UNIT_HEAD of the current lead (${lead.fullName}) may forward it`, {
      reason: 'NOT_LEAD_UNIT_HEAD',
      command: command.type,
      lead,
    });
  }
  if (typeof data.to !== 'object' || data.to === null) throw validationFailed('to', 'REQUIRED', 'is required');
  const to = requireHandler(data.to, 'to');
  if (sameHandler(to, lead)) throw validationFailed('to', 'SAME_AS_CURRENT_LEAD', 'already leads this document');
  const deadline =
    data.deadline === null || data.deadline === undefined
      ? state.assignment.deadline
      : requireDeadline(data.deadline, 'deadline', context.now, state.assignment.deadline);
  return [
    {
      type: 'IncomingAssignmentForwarded',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        hop: state.assignment.hops.length + 1,
        from: lead,
        to,
        instruction: optionalText(data.instruction, 'instruction', 2000),
        deadline,
        urgency: state.document.urgency,
        forwardedAt: context.now,
        forwardedBy: personOf(context.actor),
      },
    },
  ];
}

function start(command: StartProcessing, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'StartProcessing', 'ASSIGNED'>(command, current);
  requireLead(command, state.assignment.lead);
  return [
    {
      type: 'IncomingProcessingStarted',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        startedAt: command.context.now,
        startedBy: personOf(command.context.actor),
        source: sourceOf(state),
      },
    },
  ];
}

function reportProgress(command: ReportProgress, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'ReportProgress', 'IN_PROGRESS'>(command, current);
  requireLead(command, state.assignment.lead);
  return [
    {
      type: 'IncomingProgressReported',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        note: requireText(command.data.note, 'note', 2000),
        reportedAt: command.context.now,
        reportedBy: personOf(command.context.actor),
      },
    },
  ];
}

function complete(command: CompleteIncomingDocument, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'CompleteIncomingDocument', 'ASSIGNED' | 'IN_PROGRESS'>(command, current);
  requireLead(command, state.assignment.lead);
  const { data, context } = command;
  return [
    {
      type: 'IncomingDocumentCompleted',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        result: requireText(data.result, 'result', 2000),
        replyDocumentId:
          data.replyDocumentId === null || data.replyDocumentId === undefined ? null : requireText(data.replyDocumentId, 'replyDocumentId', 128),
        completedAt: context.now,
        completedBy: personOf(context.actor),
        deadline: state.assignment.deadline,
        completedLate: isAfter(context.now, state.assignment.deadline),
        source: sourceOf(state),
      },
    },
  ];
}

function extendDeadline(command: ExtendDeadline, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'ExtendDeadline', 'ASSIGNED' | 'IN_PROGRESS'>(command, current);
  const { data, context } = command;
  const { assignment } = state;
  const deadline = requireDeadline(data.deadline, 'deadline', context.now, null);
  if (!isAfter(deadline, assignment.deadline)) {
    throw validationFailed('deadline', 'NOT_LATER', 'must be later than the current deadline', { currentDeadline: assignment.deadline });
  }
  const reason = requireText(data.reason, 'reason', MAX_NOTE_LENGTH);
  return [
    {
      type: 'IncomingDeadlineExtended',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        previousDeadline: assignment.deadline,
        deadline,
        originalDeadline: assignment.originalDeadline,
        leadDeadline: assignment.leadDeadline === assignment.deadline ? deadline : assignment.leadDeadline,
        reason,
        extendedAt: context.now,
        extendedBy: personOf(context.actor),
      },
    },
  ];
}

function receiveRecallRequest(command: ReceiveRecallRequest, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'ReceiveRecallRequest', RecallableState['status']>(command, current);
  return [
    {
      type: 'IncomingRecallRequested',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        reason: requireText(command.data.reason, 'reason', MAX_NOTE_LENGTH),
        previousStatus: state.status,
        requestedAt: command.context.now,
        recordedBy: personOf(command.context.actor),
        source: sourceOf(state),
      },
    },
  ];
}

function acknowledgeRecall(command: AcknowledgeRecall, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'AcknowledgeRecall', 'RECALL_REQUESTED'>(command, current);
  return [
    {
      type: 'IncomingDocumentRecalled',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        previousStatus: state.previous.status,
        recalledAt: command.context.now,
        recalledBy: personOf(command.context.actor),
        source: sourceOf(state),
      },
    },
  ];
}

function refuseRecall(command: RefuseRecall, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'RefuseRecall', 'RECALL_REQUESTED'>(command, current);
  return [
    {
      type: 'IncomingRecallRefused',
      data: {
        documentId: state.document.documentId,
        agencyCode: state.document.agencyCode,
        reason: requireText(command.data.reason, 'reason', MAX_NOTE_LENGTH),
        restoredStatus: state.previous.status,
        refusedAt: command.context.now,
        refusedBy: personOf(command.context.actor),
        source: sourceOf(state),
      },
    },
  ];
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : instantMillis(a) === instantMillis(b);
}

function recomputeReceiptDeadlines(command: RecomputeReceiptDeadlines, current: IncomingDocumentState): IncomingDocumentEvent[] {
  const state = guard<'RecomputeReceiptDeadlines', 'RECEIVED' | 'REGISTERED' | 'PRESENTED'>(command, current);
  const { data, context } = command;
  const { document } = state;
  const effectiveReceivedAt = requireInstant(data.effectiveReceivedAt, 'effectiveReceivedAt');
  if (isAfter(document.receivedAt, effectiveReceivedAt)) {
    throw validationFailed('effectiveReceivedAt', 'BEFORE_RECEIVED_AT', 'must not be earlier than receivedAt');
  }
  const registrationDueAt = requireInstant(data.registrationDueAt, 'registrationDueAt');
  if (isAfter(effectiveReceivedAt, registrationDueAt)) {
    throw validationFailed('registrationDueAt', 'BEFORE_EFFECTIVE_RECEIVED_AT', 'must not be earlier than effectiveReceivedAt');
  }
  const urgencyDueAt = data.urgencyDueAt === null || data.urgencyDueAt === undefined ? null : requireInstant(data.urgencyDueAt, 'urgencyDueAt');
  if ((urgencyDueAt === null) !== (document.urgencyDueAt === null)) {
    throw validationFailed('urgencyDueAt', 'URGENCY_MISMATCH', 'must be null exactly when the document has no urgency alert');
  }
  const reason = requireText(data.reason, 'reason', MAX_NOTE_LENGTH);
  const previous: ReceiptInstants = {
    effectiveReceivedAt: document.effectiveReceivedAt,
    registrationDueAt: document.registrationDueAt,
    urgencyDueAt: document.urgencyDueAt,
  };
  // Once registered, the receipt instants are history (registeredLate was decided on them); the urgency alert runs until the directive.
  const next: ReceiptInstants =
    state.status === 'RECEIVED' ? { effectiveReceivedAt, registrationDueAt, urgencyDueAt } : { ...previous, urgencyDueAt };
  if (
    sameInstant(next.effectiveReceivedAt, previous.effectiveReceivedAt) &&
    sameInstant(next.registrationDueAt, previous.registrationDueAt) &&
    sameInstant(next.urgencyDueAt, previous.urgencyDueAt)
  ) {
    return [];
  }
  return [
    {
      type: 'IncomingReceiptDeadlinesRecomputed',
      data: {
        documentId: document.documentId,
        agencyCode: document.agencyCode,
        ...next,
        previous,
        reason,
        recomputedAt: context.now,
        recomputedBy: personOf(context.actor),
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Evolve. An event that does not fit the state (impossible for streams written through `decide`) leaves it as is.
// ---------------------------------------------------------------------------------------------------------------

function isRecallable(state: IncomingDocumentState): state is RecallableState {
  return (
    state.status === 'RECEIVED' ||
    state.status === 'REGISTERED' ||
    state.status === 'PRESENTED' ||
    state.status === 'ASSIGNED' ||
    state.status === 'IN_PROGRESS'
  );
}

function evolve(state: IncomingDocumentState, event: IncomingDocumentEvent): IncomingDocumentState {
  switch (event.type) {
    case 'IncomingDocumentReceived':
      return state.status === 'NONE' ? ({ status: 'RECEIVED', document: event.data } satisfies ReceivedState) : state;

    case 'IncomingDocumentRegistered': {
      if (state.status !== 'RECEIVED') return state;
      const { registerCode, year, arrivalNumber, arrivalDate, identityKey, registeredAt } = event.data;
      return {
        status: 'REGISTERED',
        document: state.document,
        registration: { type: 'REGISTERED', registerCode, year, arrivalNumber, arrivalDate, identityKey, registeredAt },
        paperCopyOf: null,
        presentation: null,
      };
    }

    case 'IncomingPaperCopyLinked': {
      if (state.status !== 'RECEIVED') return state;
      const { registerCode, year, originalDocumentId, originalArrivalNumber, linkedAt } = event.data;
      return {
        status: 'REGISTERED',
        document: state.document,
        registration: { type: 'PAPER_COPY', registerCode, year, originalDocumentId, originalArrivalNumber, linkedAt },
        paperCopyOf: originalDocumentId,
        presentation: null,
      };
    }

    case 'IncomingDocumentRejected': {
      if (state.status !== 'RECEIVED') return state;
      const { reason, note, rejectedAt, rejectedBy } = event.data;
      return { status: 'REJECTED', document: state.document, rejection: { reason, note, rejectedAt, rejectedBy } };
    }

    case 'IncomingDocumentPresented': {
      if (state.status !== 'REGISTERED') return state;
      const { leader, presentedAt, presentedBy } = event.data;
      return { ...state, status: 'PRESENTED', presentation: { leader, presentedAt, presentedBy } };
    }

    case 'IncomingDocumentAssigned': {
      if (state.status !== 'REGISTERED' && state.status !== 'PRESENTED') return state;
      const { assignees, instruction, deadline, assignedAt, assignedBy, routedByClerk } = event.data;
      const lead = assignees.find((assignee) => assignee.role === 'LEAD') ?? assignees[0];
      return {
        status: 'ASSIGNED',
        document: state.document,
        registration: state.registration,
        paperCopyOf: state.paperCopyOf,
        presentation: state.presentation,
        assignment: {
          assignees,
          instruction,
          assignedAt,
          assignedBy,
          routedByClerk,
          lead: handlerOf(lead),
          leadDeadline: lead.deadline,
          deadline,
          originalDeadline: deadline,
          hops: [],
          extensions: [],
        },
      };
    }

    case 'IncomingAssignmentForwarded': {
      if (state.status !== 'ASSIGNED' && state.status !== 'IN_PROGRESS') return state;
      const { hop, from, to, instruction, deadline, forwardedAt, forwardedBy } = event.data;
      const assignment = {
        ...state.assignment,
        lead: to,
        leadDeadline: deadline,
        hops: [...state.assignment.hops, { hop, from, to, instruction, deadline, forwardedAt, forwardedBy }],
      };
      return { ...state, assignment };
    }

    case 'IncomingProcessingStarted':
      if (state.status !== 'ASSIGNED') return state;
      return { ...state, status: 'IN_PROGRESS', startedAt: event.data.startedAt, progress: [] };

    case 'IncomingProgressReported': {
      if (state.status !== 'IN_PROGRESS') return state;
      const { note, reportedAt, reportedBy } = event.data;
      return { ...state, progress: [...state.progress, { note, reportedAt, reportedBy }] };
    }

    case 'IncomingDocumentCompleted': {
      if (state.status !== 'ASSIGNED' && state.status !== 'IN_PROGRESS') return state;
      const { result, replyDocumentId, completedAt, completedBy, completedLate } = event.data;
      return {
        status: 'COMPLETED',
        document: state.document,
        registration: state.registration,
        paperCopyOf: state.paperCopyOf,
        presentation: state.presentation,
        assignment: state.assignment,
        startedAt: state.status === 'IN_PROGRESS' ? state.startedAt : null,
        progress: state.status === 'IN_PROGRESS' ? state.progress : [],
        completion: { result, replyDocumentId, completedAt, completedBy, completedLate },
      };
    }

    case 'IncomingDeadlineExtended': {
      if (state.status !== 'ASSIGNED' && state.status !== 'IN_PROGRESS') return state;
      const { previousDeadline, deadline, leadDeadline, reason, extendedAt, extendedBy } = event.data;
      const assignment = {
        ...state.assignment,
        deadline,
        leadDeadline,
        extensions: [...state.assignment.extensions, { previousDeadline, deadline, reason, extendedAt, extendedBy }],
      };
      return { ...state, assignment };
    }

    case 'IncomingRecallRequested':
      if (!isRecallable(state)) return state;
      return {
        status: 'RECALL_REQUESTED',
        document: state.document,
        recallReason: event.data.reason,
        recallRequestedAt: event.data.requestedAt,
        previous: state,
      };

    case 'IncomingDocumentRecalled':
      if (state.status !== 'RECALL_REQUESTED') return state;
      return {
        status: 'RECALLED',
        document: state.document,
        recallReason: state.recallReason,
        recalledAt: event.data.recalledAt,
        previous: state.previous,
      };

    case 'IncomingRecallRefused':
      return state.status === 'RECALL_REQUESTED' ? state.previous : state;

    case 'IncomingReceiptDeadlinesRecomputed': {
      if (state.status !== 'RECEIVED' && state.status !== 'REGISTERED' && state.status !== 'PRESENTED') return state;
      const { effectiveReceivedAt, registrationDueAt, urgencyDueAt } = event.data;
      return { ...state, document: { ...state.document, effectiveReceivedAt, registrationDueAt, urgencyDueAt } };
    }

    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function decide(command: IncomingDocumentCommand, state: IncomingDocumentState): readonly IncomingDocumentEvent[] {
  switch (command.type) {
    case 'ReceiveIncomingDocument':
      return receive(command, state);
    case 'RegisterIncomingDocument':
      return register(command, state);
    case 'LinkPaperCopy':
      return linkPaperCopy(command, state);
    case 'RejectIncomingDocument':
      return reject(command, state);
    case 'PresentIncomingDocument':
      return present(command, state);
    case 'AssignIncomingDocument':
      return assign(command, state);
    case 'ForwardAssignment':
      return forward(command, state);
    case 'StartProcessing':
      return start(command, state);
    case 'ReportProgress':
      return reportProgress(command, state);
    case 'CompleteIncomingDocument':
      return complete(command, state);
    case 'ExtendDeadline':
      return extendDeadline(command, state);
    case 'ReceiveRecallRequest':
      return receiveRecallRequest(command, state);
    case 'AcknowledgeRecall':
      return acknowledgeRecall(command, state);
    case 'RefuseRecall':
      return refuseRecall(command, state);
    case 'RecomputeReceiptDeadlines':
      return recomputeReceiptDeadlines(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export type IncomingDocumentDecider = Decider<IncomingDocumentCommand, IncomingDocumentEvent, IncomingDocumentState>;

/** The incoming document aggregate (stream `incoming-<documentId>`). */
export const incomingDocumentDecider: IncomingDocumentDecider = {
  initialState: () => ({ status: 'NONE' }),
  evolve,
  decide,
};
