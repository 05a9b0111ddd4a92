import type { Command, Role } from '../shared/decider';
import type { PersonRef } from '../shared/people';
import type { Attachment, Confidentiality, Urgency } from '../document/document-metadata';
import type { OutgoingRecipient, SignerCompetence } from './outgoing-document.events';

/**
 * Commands on an outgoing document (stream `outgoing-<documentId>`). Every command names its `documentId`
 * and requires the actor to belong to the document's agency.
 *
 * Facts from other streams are resolved by the application before deciding and passed in the data: people's
 * full names, positions and roles, abbreviations, the number (register stream), the identifier sequence
 * (`outgoing_sequence` stream), the agency's name, which recipients are agencies of this system, the release
 * deadline (working-time calendar), and delegation: `onBehalfOf` names the principal for whom the actor acts
 * under a valid ủy quyền (the application has checked the delegation; null when acting in one's own name).
 */

/** OFFICER, UNIT_HEAD or LEADER of `agencyCode` ("OFFICER and up"); the actor becomes the drafter. */
export type CreateOutgoingDraft = Command<
  'CreateOutgoingDraft',
  {
    documentId: string;
    agencyCode: string;
    unitId: string;
    /** A `document-types` code, e.g. `QUYET_DINH`, `CONG_VAN`. */
    documentType: string;
    subject: string;
    urgency: Urgency;
    /** Anything but NONE is CLASSIFIED_NOT_ALLOWED. */
    confidentiality: Confidentiality;
    recipients: readonly OutgoingRecipient[];
    /** At least one; the first is the main file and must be a PDF. */
    attachments: readonly Attachment[];
    replyToDocumentIds?: readonly string[];
    paperCopy: boolean;
    dueDate?: string | null;
  }
>;

/**
 * The drafter; from DRAFT or RETURNED (→ DRAFT). Omitted fields keep their value; the event carries the
 * whole new version. In DRAFT, a revision that changes nothing records nothing.
 */
export type ReviseOutgoingDraft = Command<
  'ReviseOutgoingDraft',
  {
    documentId: string;
    documentType?: string;
    subject?: string;
    urgency?: Urgency;
    confidentiality?: Confidentiality;
    recipients?: readonly OutgoingRecipient[];
    attachments?: readonly Attachment[];
    replyToDocumentIds?: readonly string[];
    paperCopy?: boolean;
    dueDate?: string | null;
  }
>;

/**
 * The drafter; from DRAFT. The approver is the person who will sign (Decree 30 Điều 11): a LEADER or
 * UNIT_HEAD (TL.) of the same agency, as the directory says (`approverAgencyCode`, `approverRoles`).
 */
export type SubmitOutgoingDraft = Command<
  'SubmitOutgoingDraft',
  {
    documentId: string;
    approverUsername: string;
    approverFullName: string;
    approverAgencyCode: string;
    approverRoles: readonly Role[];
  }
>;

/** The approver, or a delegate of the approver; LEADER or UNIT_HEAD; from SUBMITTED (→ RETURNED). */
export type ReturnOutgoingDraft = Command<
  'ReturnOutgoingDraft',
  { documentId: string; reason: string; onBehalfOf?: PersonRef | null }
>;

/** The approver, or a delegate of the approver; LEADER or UNIT_HEAD; from SUBMITTED. */
export type ApproveOutgoingDraft = Command<'ApproveOutgoingDraft', { documentId: string; onBehalfOf?: PersonRef | null }>;

/**
 * The approver, or a delegate of the approver (who then cannot sign DIRECT); LEADER or UNIT_HEAD; from APPROVED.
 * `documentSha256` must be the SHA-256 of the draft's main file (SIGNATURE_MISMATCH otherwise).
 */
export type SignOutgoingDocument = Command<
  'SignOutgoingDocument',
  {
    documentId: string;
    competence: SignerCompetence;
    certificateSerial: string;
    /** ISO 8601 with +07:00, not later than now. */
    signedAt: string;
    documentSha256: string;
    /** The signer's chức vụ, from the directory. */
    signerPosition: string;
    /** Computed by the application from `signedAt` and the urgency; not before `signedAt`. */
    issueDueAt: string;
    onBehalfOf?: PersonRef | null;
  }
>;

/**
 * CLERK; from SIGNED. The application took `number` from the OUTGOING register
 * (`AllocateRegisterNumber` on `register-<agency>-<registerCode>-<year>`, default `DI`) and `agencyIssueSequence`
 * from `AllocateIssueSequence` on `outgoing_sequence-<agency>-<year>`, both for the Vietnam-local year of now.
 */
export type NumberOutgoingDocument = Command<
  'NumberOutgoingDocument',
  {
    documentId: string;
    registerCode: string;
    year: number;
    number: number;
    /** The Vietnam date of now, in `year`. */
    issuedDate: string;
    /** E.g. `UBND`. */
    agencyAbbreviation: string;
    /** The drafting unit's abbreviation, e.g. `VP`; required for Công văn and Thư công, else may be null. */
    unitAbbreviation: string | null;
    agencyIssueSequence: number;
  }
>;

/** CLERK; from NUMBERED (SIGNATURE_ORDER before the signer's signature, or on another file). */
export type ApplyAgencySignature = Command<
  'ApplyAgencySignature',
  { documentId: string; certificateSerial: string; signedAt: string; documentSha256: string }
>;

/** CLERK; from SEALED. `recipientsInSystem`: the recipients' agency codes that are agencies of this system. */
export type IssueOutgoingDocument = Command<
  'IssueOutgoingDocument',
  { documentId: string; agencyName: string; recipientsInSystem: readonly string[] }
>;

/** CLERK or LEADER; from ISSUED (→ RECALLED, frozen). */
export type RecallOutgoingDocument = Command<'RecallOutgoingDocument', { documentId: string; reason: string }>;

export type OutgoingDocumentCommand =
  | CreateOutgoingDraft
  | ReviseOutgoingDraft
  | SubmitOutgoingDraft
  | ReturnOutgoingDraft
  | ApproveOutgoingDraft
  | SignOutgoingDocument
  | NumberOutgoingDocument
  | ApplyAgencySignature
  | IssueOutgoingDocument
  | RecallOutgoingDocument;

export type OutgoingDocumentCommandType = OutgoingDocumentCommand['type'];
