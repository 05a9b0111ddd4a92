import type { Command } from '../shared/decider';
import type { Delegator } from '../organisation/delegation';
import type { Attachment, Confidentiality, ReceiptChannel, Sender, Signer, Urgency } from '../document/document-metadata';
import type { AssignmentRole, DocumentSource, RejectionReason } from './incoming-document.events';

/**
 * Commands on an incoming document (stream `incoming-<documentId>`). Every command names its `documentId`.
 * Facts from other streams (working-time deadlines, the allocated number, the original of a paper copy,
 * people's full names and units) are resolved by the application before deciding and passed in the data.
 * Every command except Receive requires the actor to belong to the document's agency.
 */

/** CLERK of `agencyCode`. */
export type ReceiveIncomingDocument = Command<
  'ReceiveIncomingDocument',
  {
    documentId: string;
    agencyCode: string;
    channel: ReceiptChannel;
    sender: Sender;
    codeNumber: string;
    codeNotation: string;
    /** `YYYY-MM-DD`. */
    issuedDate: string;
    documentType: string;
    subject: string;
    signer: Signer;
    urgency: Urgency;
    confidentiality: Confidentiality;
    /** `YYYY-MM-DD` or null. */
    dueDate: string | null;
    attachments: readonly Attachment[];
    receivedAt: string;
    /** Computed by the application with the working-time calendar. */
    effectiveReceivedAt: string;
    registrationDueAt: string;
    urgencyDueAt: string | null;
    /** Set for documents delivered from another agency of this system. */
    source?: DocumentSource | null;
  }
>;

/**
 * CLERK; from RECEIVED. The application has allocated the number from the INCOMING register and claimed the
 * identity (`incomingIdentityKey`) first; `identityKey` must be the document's key.
 */
export type RegisterIncomingDocument = Command<
  'RegisterIncomingDocument',
  {
    documentId: string;
    registerCode: string;
    year: number;
    arrivalNumber: number;
    /** Vietnam-local date of registration, `YYYY-MM-DD`, in `year`. */
    arrivalDate: string;
    identityKey: string;
  }
>;

/** CLERK; from RECEIVED, on the paper copy's stream. The application checked that the original is registered. */
export type LinkPaperCopy = Command<
  'LinkPaperCopy',
  {
    documentId: string;
    originalDocumentId: string;
    originalArrivalNumber: number;
    registerCode: string;
    year: number;
  }
>;

/** CLERK; only before registration (Phú Yên Điều 5.6). `note` is required when the reason is OTHER. */
export type RejectIncomingDocument = Command<
  'RejectIncomingDocument',
  {
    documentId: string;
    reason: RejectionReason;
    note: string;
  }
>;

/** CLERK; from REGISTERED. */
export type PresentIncomingDocument = Command<
  'PresentIncomingDocument',
  {
    documentId: string;
    leaderUsername: string;
    /** Resolved from the directory by the application. */
    leaderFullName: string;
  }
>;

export interface AssigneeInput {
  readonly role: AssignmentRole;
  /** Exactly one of `username` / `unitId`. */
  readonly username: string | null;
  readonly unitId: string | null;
  /** The unit of `username`, resolved by the application (null for a unit). */
  readonly unitIdOfUser: string | null;
  /** The person's full name or the unit's name, resolved by the application. */
  readonly fullName: string;
  /** Not after the overall deadline; defaults to it. */
  readonly deadline?: string | null;
}

/**
 * LEADER or UNIT_HEAD (or their delegate, `onBehalfOf`), from REGISTERED or PRESENTED; or a CLERK routing to a
 * known handler directly after registration (from REGISTERED; Decree 30 Điều 23), recorded as `routedByClerk`.
 */
export type AssignIncomingDocument = Command<
  'AssignIncomingDocument',
  {
    documentId: string;
    assignees: readonly AssigneeInput[];
    instruction: string;
    deadline: string;
    /** The leader a delegate assigns for (ủy quyền, checked by the application); the roles are the leader's. */
    onBehalfOf?: Delegator | null;
  }
>;

export interface ForwardTarget {
  readonly username: string | null;
  readonly unitId: string | null;
  readonly unitIdOfUser: string | null;
  readonly fullName: string;
}

/** The current lead's UNIT_HEAD, or a LEADER; from ASSIGNED. `deadline` defaults to the document's deadline. */
export type ForwardAssignment = Command<
  'ForwardAssignment',
  {
    documentId: string;
    to: ForwardTarget;
    instruction: string;
    deadline: string | null;
  }
>;

/** The LEAD assignee; from ASSIGNED. */
export type StartProcessing = Command<'StartProcessing', { documentId: string }>;

/** The LEAD assignee; from IN_PROGRESS. */
export type ReportProgress = Command<'ReportProgress', { documentId: string; note: string }>;

/** The LEAD assignee; from ASSIGNED or IN_PROGRESS. */
export type CompleteIncomingDocument = Command<
  'CompleteIncomingDocument',
  { documentId: string; result: string; replyDocumentId: string | null }
>;

/** LEADER or UNIT_HEAD; from ASSIGNED or IN_PROGRESS; a later deadline with a reason. */
export type ExtendDeadline = Command<'ExtendDeadline', { documentId: string; deadline: string; reason: string }>;

/** CLERK; before completion (not from REJECTED, RECALL_REQUESTED, RECALLED). */
export type ReceiveRecallRequest = Command<'ReceiveRecallRequest', { documentId: string; reason: string }>;

/** CLERK; from RECALL_REQUESTED: the document becomes RECALLED. */
export type AcknowledgeRecall = Command<'AcknowledgeRecall', { documentId: string }>;

/** CLERK; from RECALL_REQUESTED: the document returns to the status it had. */
export type RefuseRecall = Command<'RefuseRecall', { documentId: string; reason: string }>;

/**
 * ADMIN; from RECEIVED, REGISTERED or PRESENTED. Sent when the agency's working calendar changed, with the
 * instants the application computed on the new calendar from `receivedAt`, channel and urgency. Before
 * registration all three move; after it only `urgencyDueAt` does (the registration happened, its lateness is
 * recorded), until the directive. Nothing is appended when nothing moves.
 */
export type RecomputeReceiptDeadlines = Command<
  'RecomputeReceiptDeadlines',
  {
    documentId: string;
    effectiveReceivedAt: string;
    registrationDueAt: string;
    /** Null exactly when the document has no urgency alert (NORMAL). */
    urgencyDueAt: string | null;
    reason: string;
  }
>;

export type IncomingDocumentCommand =
  | ReceiveIncomingDocument
  | RegisterIncomingDocument
  | LinkPaperCopy
  | RejectIncomingDocument
  | PresentIncomingDocument
  | AssignIncomingDocument
  | ForwardAssignment
  | StartProcessing
  | ReportProgress
  | CompleteIncomingDocument
  | ExtendDeadline
  | ReceiveRecallRequest
  | AcknowledgeRecall
  | RefuseRecall
  | RecomputeReceiptDeadlines;

export type IncomingDocumentCommandType = IncomingDocumentCommand['type'];
