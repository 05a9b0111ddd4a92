import type { DomainEvent } from '../shared/decider';
import type { PersonRef } from '../shared/people';
import type { Attachment, Confidentiality, ReceiptChannel, Sender, Signer, Urgency } from '../document/document-metadata';

/**
 * Events of an incoming document stream `incoming-<documentId>` (streams.ts `incomingStream`).
 *
 * Projections read events only, so every event carries `documentId` and `agencyCode` (the receiving agency)
 * and whatever its read models show. Free text is NFC and trimmed. Instants are ISO 8601 with offset;
 * dates are `YYYY-MM-DD` (Vietnam local). The fields named `...By` record who acted, as a `PersonRef`
 * (event metadata carries the full actor as well).
 *
 * Exchange status codes (domain.md §2) map as: Received 01, Rejected 02, Registered 03, Assigned 04,
 * ProcessingStarted 05, Completed 06, RecallRequested 13, Recalled 15, RecallRefused 16. These events
 * carry `source` (null unless delivered from another agency of this system) so that a process manager
 * can report the status back to the sender without reading the stream.
 */

export type IncomingStatus =
  | 'RECEIVED'
  | 'REJECTED'
  | 'REGISTERED'
  | 'PRESENTED'
  | 'ASSIGNED'
  | 'IN_PROGRESS'
  | 'COMPLETED'
  | 'RECALL_REQUESTED'
  | 'RECALLED';
export const INCOMING_STATUSES: readonly IncomingStatus[] = [
  'RECEIVED',
  'REJECTED',
  'REGISTERED',
  'PRESENTED',
  'ASSIGNED',
  'IN_PROGRESS',
  'COMPLETED',
  'RECALL_REQUESTED',
  'RECALLED',
];

/** chủ trì, phối hợp, để biết. */
export type AssignmentRole = 'LEAD' | 'COORDINATE' | 'INFORMATION';
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = ['LEAD', 'COORDINATE', 'INFORMATION'];

/** Phú Yên Điều 5.6; Decree 30 Điều 21.2.b. */
export type RejectionReason = 'WRONG_RECIPIENT' | 'NOT_LEGALLY_VALID' | 'DUPLICATE' | 'OTHER';
export const REJECTION_REASONS: readonly RejectionReason[] = ['WRONG_RECIPIENT', 'NOT_LEGALLY_VALID', 'DUPLICATE', 'OTHER'];

/** Set when the document was delivered from another agency of this system (an issued outgoing document). */
export interface DocumentSource {
  readonly outgoingDocumentId: string;
  readonly agencyCode: string;
}

/**
 * Who handles: exactly one of `username` (a person) or `unitId` (a unit) is set.
 * `unitIdOfUser` is the person's unit as resolved by the application (null for a unit, or a person without unit);
 * `fullName` is the person's full name or the unit's name.
 */
export interface Handler {
  readonly username: string | null;
  readonly unitId: string | null;
  readonly unitIdOfUser: string | null;
  readonly fullName: string;
}

/** One line of the leader's directive (phiếu giải quyết): role and resolved deadline. */
export interface Assignee extends Handler {
  readonly role: AssignmentRole;
  /** The assignee's own deadline, or the overall deadline when none was given. */
  readonly deadline: string;
}

export type IncomingDocumentReceived = DomainEvent<
  'IncomingDocumentReceived',
  {
    documentId: string;
    agencyCode: string;
    channel: ReceiptChannel;
    sender: Sender;
    /** Số (e.g. `05`) and ký hiệu (e.g. `QĐ-UBND`), as written on the document. */
    codeNumber: string;
    codeNotation: string;
    issuedDate: string;
    documentType: string;
    /** Trích yếu, at most 500 characters. */
    subject: string;
    signer: Signer;
    urgency: Urgency;
    /** Always NONE: classified documents are refused. */
    confidentiality: Confidentiality;
    /** Hạn giải quyết written on the document (`YYYY-MM-DD`), if any. */
    dueDate: string | null;
    attachments: readonly Attachment[];
    /** When the document reached the agency (raw). */
    receivedAt: string;
    /** Start of the next working period when `receivedAt` is outside working hours (Khánh Hòa Điều 10.2). */
    effectiveReceivedAt: string;
    /** When it must be registered and forwarded (next working day; 8 working hours for liên thông). */
    registrationDueAt: string;
    /** Alert threshold for urgent documents ("immediately"); null for NORMAL. */
    urgencyDueAt: string | null;
    source: DocumentSource | null;
    receivedBy: PersonRef;
  }
>;

/** Vào sổ: the document got its số đến in an INCOMING register and claimed its identity. */
export type IncomingDocumentRegistered = DomainEvent<
  'IncomingDocumentRegistered',
  {
    documentId: string;
    agencyCode: string;
    registerCode: string;
    year: number;
    arrivalNumber: number;
    /** Ngày đến (Vietnam local date). */
    arrivalDate: string;
    /** The uniqueness key claimed for this document (`incomingIdentityKey`). */
    identityKey: string;
    registeredAt: string;
    /** `registeredAt` after the document's `registrationDueAt`. */
    registeredLate: boolean;
    registeredBy: PersonRef;
    source: DocumentSource | null;
  }
>;

/** This (paper) document is the copy of an electronic original already registered: it shares the original's number. */
export type IncomingPaperCopyLinked = DomainEvent<
  'IncomingPaperCopyLinked',
  {
    documentId: string;
    agencyCode: string;
    originalDocumentId: string;
    originalArrivalNumber: number;
    registerCode: string;
    year: number;
    linkedAt: string;
    linkedBy: PersonRef;
  }
>;

/** Từ chối tiếp nhận (returned to the sender), only before registration. */
export type IncomingDocumentRejected = DomainEvent<
  'IncomingDocumentRejected',
  {
    documentId: string;
    agencyCode: string;
    reason: RejectionReason;
    /** Required (non-empty) when reason is OTHER; otherwise may be empty. At most 1000 characters. */
    note: string;
    rejectedAt: string;
    rejectedBy: PersonRef;
    source: DocumentSource | null;
  }
>;

/** Trình: the clerk put the document before a leader. */
export type IncomingDocumentPresented = DomainEvent<
  'IncomingDocumentPresented',
  {
    documentId: string;
    agencyCode: string;
    leader: PersonRef;
    presentedAt: string;
    presentedBy: PersonRef;
  }
>;

/** Phân công: the directive (bút phê) naming the lead, co-operating and informed parties, with deadlines. */
export type IncomingDocumentAssigned = DomainEvent<
  'IncomingDocumentAssigned',
  {
    documentId: string;
    agencyCode: string;
    /** Exactly one LEAD. */
    assignees: readonly Assignee[];
    /** Bút phê / ý kiến chỉ đạo (may be empty when a clerk routes to a known handler). */
    instruction: string;
    /** The document's processing deadline. */
    deadline: string;
    /** Repeated from the document so inboxes can order without another lookup. */
    urgency: Urgency;
    assignedAt: string;
    assignedBy: PersonRef;
    /** A clerk routed it directly after registering (Decree 30 Điều 23), not a leader's directive. */
    routedByClerk: boolean;
    source: DocumentSource | null;
  }
>;

/** Chuyển xử lý: the lead passed on down the hierarchy (e.g. unit head → specialist). Status stays ASSIGNED. */
export type IncomingAssignmentForwarded = DomainEvent<
  'IncomingAssignmentForwarded',
  {
    documentId: string;
    agencyCode: string;
    /** 1 for the first forward of this document, then 2, 3 … */
    hop: number;
    /** The lead before this hop. */
    from: Handler;
    /** The new lead. */
    to: Handler;
    instruction: string;
    /** The new lead's deadline (not after the document's deadline). */
    deadline: string;
    urgency: Urgency;
    forwardedAt: string;
    forwardedBy: PersonRef;
  }
>;

export type IncomingProcessingStarted = DomainEvent<
  'IncomingProcessingStarted',
  {
    documentId: string;
    agencyCode: string;
    startedAt: string;
    startedBy: PersonRef;
    source: DocumentSource | null;
  }
>;

export type IncomingProgressReported = DomainEvent<
  'IncomingProgressReported',
  {
    documentId: string;
    agencyCode: string;
    note: string;
    reportedAt: string;
    reportedBy: PersonRef;
  }
>;

export type IncomingDocumentCompleted = DomainEvent<
  'IncomingDocumentCompleted',
  {
    documentId: string;
    agencyCode: string;
    result: string;
    /** The outgoing document answering it, if any. */
    replyDocumentId: string | null;
    completedAt: string;
    completedBy: PersonRef;
    /** The document's deadline at completion. */
    deadline: string;
    /** `completedAt` after `deadline`. */
    completedLate: boolean;
    source: DocumentSource | null;
  }
>;

/** Gia hạn: a later deadline; `originalDeadline` is the deadline of the first assignment. */
export type IncomingDeadlineExtended = DomainEvent<
  'IncomingDeadlineExtended',
  {
    documentId: string;
    agencyCode: string;
    previousDeadline: string;
    deadline: string;
    originalDeadline: string;
    /** The current lead's deadline after the extension (it follows the document's deadline when it was equal to it). */
    leadDeadline: string;
    reason: string;
    extendedAt: string;
    extendedBy: PersonRef;
  }
>;

/** The sender asked to take the document back (exchange code 13). */
export type IncomingRecallRequested = DomainEvent<
  'IncomingRecallRequested',
  {
    documentId: string;
    agencyCode: string;
    reason: string;
    /** The status the document had; it returns to it if the recall is refused. */
    previousStatus: IncomingStatus;
    requestedAt: string;
    recordedBy: PersonRef;
    source: DocumentSource | null;
  }
>;

/** The recall was applied (exchange code 15): the document is withdrawn. */
export type IncomingDocumentRecalled = DomainEvent<
  'IncomingDocumentRecalled',
  {
    documentId: string;
    agencyCode: string;
    /** The status before the recall request. */
    previousStatus: IncomingStatus;
    recalledAt: string;
    recalledBy: PersonRef;
    source: DocumentSource | null;
  }
>;

/** The recall was refused (exchange code 16): the document returns to `restoredStatus`. */
export type IncomingRecallRefused = DomainEvent<
  'IncomingRecallRefused',
  {
    documentId: string;
    agencyCode: string;
    reason: string;
    restoredStatus: IncomingStatus;
    refusedAt: string;
    refusedBy: PersonRef;
    source: DocumentSource | null;
  }
>;

/** The receipt instants of a document, as computed on the agency's working calendar. */
export interface ReceiptInstants {
  readonly effectiveReceivedAt: string;
  readonly registrationDueAt: string;
  readonly urgencyDueAt: string | null;
}

/**
 * The receipt instants were recomputed because the agency's working calendar changed (domain.md §6: a holiday
 * added later shifts open deadlines, and the recalculation is audited: `previous` keeps what they were).
 * Before registration all three may move; after it only `urgencyDueAt` does.
 */
export type IncomingReceiptDeadlinesRecomputed = DomainEvent<
  'IncomingReceiptDeadlinesRecomputed',
  {
    documentId: string;
    agencyCode: string;
    effectiveReceivedAt: string;
    registrationDueAt: string;
    urgencyDueAt: string | null;
    previous: ReceiptInstants;
    /** Why, e.g. which calendar change; at most 1000 characters. */
    reason: string;
    recomputedAt: string;
    recomputedBy: PersonRef;
  }
>;

export type IncomingDocumentEvent =
  | IncomingDocumentReceived
  | IncomingDocumentRegistered
  | IncomingPaperCopyLinked
  | IncomingDocumentRejected
  | IncomingDocumentPresented
  | IncomingDocumentAssigned
  | IncomingAssignmentForwarded
  | IncomingProcessingStarted
  | IncomingProgressReported
  | IncomingDocumentCompleted
  | IncomingDeadlineExtended
  | IncomingRecallRequested
  | IncomingDocumentRecalled
  | IncomingRecallRefused
  | IncomingReceiptDeadlinesRecomputed;

export type IncomingDocumentEventType = IncomingDocumentEvent['type'];
export const INCOMING_DOCUMENT_EVENT_TYPES: readonly IncomingDocumentEventType[] = [
  'IncomingDocumentReceived',
  'IncomingDocumentRegistered',
  'IncomingPaperCopyLinked',
  'IncomingDocumentRejected',
  'IncomingDocumentPresented',
  'IncomingDocumentAssigned',
  'IncomingAssignmentForwarded',
  'IncomingProcessingStarted',
  'IncomingProgressReported',
  'IncomingDocumentCompleted',
  'IncomingDeadlineExtended',
  'IncomingRecallRequested',
  'IncomingDocumentRecalled',
  'IncomingRecallRefused',
  'IncomingReceiptDeadlinesRecomputed',
];
