import type { DomainEvent } from '../shared/decider';
import type { PersonRef } from '../shared/people';
import type { Attachment, Confidentiality, Urgency } from '../document/document-metadata';
import type { DocumentIdentifier } from './outgoing-document.numbering';

/**
 * Events of an outgoing document stream `outgoing-<documentId>` (streams.ts `outgoingStream`).
 *
 * Lifecycle (Decree 30 Điều 10–19): DRAFT → SUBMITTED → (RETURNED → DRAFT) → APPROVED → SIGNED → NUMBERED
 * → SEALED → ISSUED → RECALLED. Every event carries `documentId` and `agencyCode` (the issuing agency) and
 * what its read models show, so projections never read the stream. Free text is NFC and trimmed; instants are
 * ISO 8601 with offset; dates are `YYYY-MM-DD` (Vietnam local). `...By` fields record who acted; `onBehalfOf`
 * the principal a delegate acted for (ủy quyền), resolved by the application, or null.
 *
 * Delivery to the recipients after issue is tracked in its own stream `delivery-<documentId>` (delivery/).
 */

export type OutgoingStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'SIGNED' | 'NUMBERED' | 'SEALED' | 'ISSUED' | 'RECALLED';
export const OUTGOING_STATUSES: readonly OutgoingStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'APPROVED',
  'SIGNED',
  'NUMBERED',
  'SEALED',
  'ISSUED',
  'RECALLED',
];

/** Ký trực tiếp, TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền); Decree 30 Điều 13. */
export type SignerCompetence = 'DIRECT' | 'TM' | 'KT' | 'TL' | 'TUQ' | 'Q';
export const SIGNER_COMPETENCES: readonly SignerCompetence[] = ['DIRECT', 'TM', 'KT', 'TL', 'TUQ', 'Q'];

/** Nơi nhận: an agency of the directory (`agencyCode`, mã định danh) or any named addressee (`agencyCode` null). */
export interface OutgoingRecipient {
  readonly agencyCode: string | null;
  readonly name: string;
}

/**
 * A recipient as issued. `recipientKey` addresses it in delivery tracking: its agency code, or
 * `NAME:<name folded to lower case>` for a recipient without code (`recipientKeyOf`).
 * `inSystem`: an agency of this system, which receives the document as an incoming document (liên thông).
 */
export interface IssuedRecipient extends OutgoingRecipient {
  readonly recipientKey: string;
  readonly inSystem: boolean;
}

/** The person who signed (người ký) as the document shows them. */
export interface OutgoingSigner {
  readonly username: string;
  readonly fullName: string;
  /** Chức vụ, e.g. `Phó Chủ tịch`. */
  readonly position: string;
  readonly competence: SignerCompetence;
}

/** The content of a draft version; every creation and revision carries all of it. */
export interface OutgoingDraftContent {
  /** Version of the draft, 1 on creation, +1 per revision (PL VI III.5.a: every draft version is kept). */
  readonly version: number;
  /** Code of `document-types` (e.g. `QUYET_DINH`) and its name (e.g. `Quyết định`). */
  readonly documentType: string;
  readonly documentTypeName: string;
  /** Trích yếu, at most 500 characters. */
  readonly subject: string;
  readonly urgency: Urgency;
  /** Always NONE: classified documents are refused. */
  readonly confidentiality: Confidentiality;
  /** At least one. */
  readonly recipients: readonly OutgoingRecipient[];
  /** At least one; the first is the main file (a PDF: only PDF is signed), the others are annexes. */
  readonly attachments: readonly Attachment[];
  /** Incoming documents this one answers. */
  readonly replyToDocumentIds: readonly string[];
  /** True when a paper copy is sent as well; false = "không gửi văn bản giấy" (electronic only). */
  readonly paperCopy: boolean;
  /** Hạn giải quyết asked of the recipients (`YYYY-MM-DD`), if any. */
  readonly dueDate: string | null;
}

export type OutgoingDraftCreated = DomainEvent<
  'OutgoingDraftCreated',
  OutgoingDraftContent & {
    documentId: string;
    agencyCode: string;
    /** The drafting unit (đơn vị soạn thảo). */
    unitId: string;
    createdAt: string;
    drafter: PersonRef;
  }
>;

/** A new version by the drafter; from RETURNED it goes back to DRAFT. */
export type OutgoingDraftRevised = DomainEvent<
  'OutgoingDraftRevised',
  OutgoingDraftContent & {
    documentId: string;
    agencyCode: string;
    unitId: string;
    previousStatus: 'DRAFT' | 'RETURNED';
    revisedAt: string;
    revisedBy: PersonRef;
  }
>;

/** Trình duyệt: to the person who will sign (Decree 30 Điều 11). */
export type OutgoingDraftSubmitted = DomainEvent<
  'OutgoingDraftSubmitted',
  {
    documentId: string;
    agencyCode: string;
    version: number;
    approver: PersonRef;
    /** Repeated for the approver's inbox. */
    documentTypeName: string;
    subject: string;
    urgency: Urgency;
    submittedAt: string;
    submittedBy: PersonRef;
  }
>;

export type OutgoingDraftReturned = DomainEvent<
  'OutgoingDraftReturned',
  {
    documentId: string;
    agencyCode: string;
    version: number;
    reason: string;
    /** Whose inbox it returns to. */
    drafter: PersonRef;
    returnedAt: string;
    returnedBy: PersonRef;
    onBehalfOf: PersonRef | null;
  }
>;

export type OutgoingDraftApproved = DomainEvent<
  'OutgoingDraftApproved',
  {
    documentId: string;
    agencyCode: string;
    version: number;
    /** SHA-256 of the approved main file: the file that may be signed. */
    mainFileSha256: string;
    approvedAt: string;
    approvedBy: PersonRef;
    onBehalfOf: PersonRef | null;
  }
>;

/** Ký số by the competent person (Decree 30 Điều 13), on the approved main file. */
export type OutgoingDocumentSigned = DomainEvent<
  'OutgoingDocumentSigned',
  {
    documentId: string;
    agencyCode: string;
    version: number;
    signer: OutgoingSigner;
    onBehalfOf: PersonRef | null;
    certificateSerial: string;
    /** The signature's signing time, ISO 8601 with +07:00 (Phụ lục I). */
    signedAt: string;
    /** SHA-256 of the signed main file (equals the draft's main file). */
    documentSha256: string;
    mainFileName: string;
    /** When it must be issued: the signing day, at the latest the next working morning; urgent: immediately (Điều 18.1). */
    issueDueAt: string;
    urgency: Urgency;
    recordedAt: string;
  }
>;

/** Cấp số: number, notation, issue date and document identifier, registered in an OUTGOING register. */
export type OutgoingDocumentNumbered = DomainEvent<
  'OutgoingDocumentNumbered',
  {
    documentId: string;
    agencyCode: string;
    registerCode: string;
    year: number;
    /** From the register: consecutive per register and year from 1. */
    number: number;
    /** `05`, `123`. */
    codeNumber: string;
    /** `QĐ-UBND`; for Công văn `UBND-VP`. */
    codeNotation: string;
    /** Ngày ban hành, the Vietnam date of numbering, in `year`. */
    issuedDate: string;
    identifier: DocumentIdentifier;
    /** What the outgoing register (Phụ lục IV, 10 columns) shows, repeated. */
    unitId: string;
    documentType: string;
    documentTypeName: string;
    subject: string;
    urgency: Urgency;
    signer: OutgoingSigner;
    recipients: readonly OutgoingRecipient[];
    numberedAt: string;
    numberedBy: PersonRef;
  }
>;

/** Chữ ký số của cơ quan (Decree 30 Điều 17), applied by the clerk after the signer's signature on the same file. */
export type OutgoingAgencySignatureApplied = DomainEvent<
  'OutgoingAgencySignatureApplied',
  {
    documentId: string;
    agencyCode: string;
    certificateSerial: string;
    signedAt: string;
    documentSha256: string;
    appliedAt: string;
    appliedBy: PersonRef;
  }
>;

/**
 * Phát hành. Carries everything a recipient needs to receive the document as an incoming document
 * (see `incomingReceiptOf`), the recipients with `inSystem`, and the release deadline.
 */
export type OutgoingDocumentIssued = DomainEvent<
  'OutgoingDocumentIssued',
  {
    documentId: string;
    agencyCode: string;
    /** The issuing agency's name (cơ quan ban hành), resolved by the application. */
    agencyName: string;
    unitId: string;
    version: number;
    documentType: string;
    documentTypeName: string;
    subject: string;
    urgency: Urgency;
    confidentiality: Confidentiality;
    dueDate: string | null;
    registerCode: string;
    year: number;
    number: number;
    codeNumber: string;
    codeNotation: string;
    issuedDate: string;
    identifier: DocumentIdentifier;
    signer: OutgoingSigner;
    signedAt: string;
    agencySignedAt: string;
    /** SHA-256 of the signed main file (the first attachment). */
    documentSha256: string;
    attachments: readonly Attachment[];
    replyToDocumentIds: readonly string[];
    paperCopy: boolean;
    recipients: readonly IssuedRecipient[];
    issueDueAt: string;
    /** `issuedAt` after `issueDueAt`. */
    issuedLate: boolean;
    issuedAt: string;
    issuedBy: PersonRef;
  }
>;

/** Thu hồi (Decree 30 Điều 18.4): the document is frozen; recipients are asked to give it back (exchange code 13). */
export type OutgoingDocumentRecalled = DomainEvent<
  'OutgoingDocumentRecalled',
  {
    documentId: string;
    agencyCode: string;
    codeNumber: string;
    codeNotation: string;
    reason: string;
    recipients: readonly IssuedRecipient[];
    recalledAt: string;
    recalledBy: PersonRef;
  }
>;

export type OutgoingDocumentEvent =
  | OutgoingDraftCreated
  | OutgoingDraftRevised
  | OutgoingDraftSubmitted
  | OutgoingDraftReturned
  | OutgoingDraftApproved
  | OutgoingDocumentSigned
  | OutgoingDocumentNumbered
  | OutgoingAgencySignatureApplied
  | OutgoingDocumentIssued
  | OutgoingDocumentRecalled;

export type OutgoingDocumentEventType = OutgoingDocumentEvent['type'];
export const OUTGOING_DOCUMENT_EVENT_TYPES: readonly OutgoingDocumentEventType[] = [
  'OutgoingDraftCreated',
  'OutgoingDraftRevised',
  'OutgoingDraftSubmitted',
  'OutgoingDraftReturned',
  'OutgoingDraftApproved',
  'OutgoingDocumentSigned',
  'OutgoingDocumentNumbered',
  'OutgoingAgencySignatureApplied',
  'OutgoingDocumentIssued',
  'OutgoingDocumentRecalled',
];
