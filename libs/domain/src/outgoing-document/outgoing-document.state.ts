import type { PersonRef } from '../shared/people';
import type { DocumentIdentifier } from './outgoing-document.numbering';
import type { IssuedRecipient, OutgoingDraftContent, OutgoingSigner, OutgoingStatus } from './outgoing-document.events';

/** Identity of the document and its current draft version. */
export interface OutgoingDocument {
  readonly documentId: string;
  readonly agencyCode: string;
  readonly unitId: string;
  readonly drafter: PersonRef;
  readonly createdAt: string;
  readonly draft: OutgoingDraftContent;
}

export interface OutgoingDraftReturn {
  readonly reason: string;
  readonly returnedAt: string;
  readonly returnedBy: PersonRef;
  readonly onBehalfOf: PersonRef | null;
}

export interface OutgoingApproval {
  readonly version: number;
  readonly mainFileSha256: string;
  readonly approvedAt: string;
  readonly approvedBy: PersonRef;
  readonly onBehalfOf: PersonRef | null;
}

export interface OutgoingSignerSignature {
  readonly signer: OutgoingSigner;
  readonly onBehalfOf: PersonRef | null;
  readonly certificateSerial: string;
  readonly signedAt: string;
  readonly documentSha256: string;
  readonly issueDueAt: string;
}

export interface OutgoingNumbering {
  readonly registerCode: string;
  readonly year: number;
  readonly number: number;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly issuedDate: string;
  readonly identifier: DocumentIdentifier;
  readonly numberedAt: string;
}

export interface OutgoingAgencySignature {
  readonly certificateSerial: string;
  readonly signedAt: string;
  readonly documentSha256: string;
  readonly appliedAt: string;
  readonly appliedBy: PersonRef;
}

export interface OutgoingIssue {
  readonly agencyName: string;
  readonly recipients: readonly IssuedRecipient[];
  readonly issuedAt: string;
  readonly issuedBy: PersonRef;
  readonly issuedLate: boolean;
}

export interface OutgoingRecall {
  readonly reason: string;
  readonly recalledAt: string;
  readonly recalledBy: PersonRef;
}

interface Existing {
  readonly document: OutgoingDocument;
}

export type OutgoingDraftState = { readonly status: 'DRAFT'; readonly lastReturn: OutgoingDraftReturn | null } & Existing;
export type OutgoingSubmittedState = { readonly status: 'SUBMITTED'; readonly approver: PersonRef; readonly submittedAt: string } & Existing;
export type OutgoingReturnedState = { readonly status: 'RETURNED'; readonly approver: PersonRef; readonly lastReturn: OutgoingDraftReturn } & Existing;
export type OutgoingApprovedState = { readonly status: 'APPROVED'; readonly approver: PersonRef; readonly approval: OutgoingApproval } & Existing;
export type OutgoingSignedState = Omit<OutgoingApprovedState, 'status'> & { readonly status: 'SIGNED'; readonly signature: OutgoingSignerSignature };
export type OutgoingNumberedState = Omit<OutgoingSignedState, 'status'> & { readonly status: 'NUMBERED'; readonly numbering: OutgoingNumbering };
export type OutgoingSealedState = Omit<OutgoingNumberedState, 'status'> & { readonly status: 'SEALED'; readonly agencySignature: OutgoingAgencySignature };
export type OutgoingIssuedState = Omit<OutgoingSealedState, 'status'> & { readonly status: 'ISSUED'; readonly issue: OutgoingIssue };
export type OutgoingRecalledState = Omit<OutgoingIssuedState, 'status'> & { readonly status: 'RECALLED'; readonly recall: OutgoingRecall };

export type OutgoingDocumentState =
  | { readonly status: 'NONE' }
  | OutgoingDraftState
  | OutgoingSubmittedState
  | OutgoingReturnedState
  | OutgoingApprovedState
  | OutgoingSignedState
  | OutgoingNumberedState
  | OutgoingSealedState
  | OutgoingIssuedState
  | OutgoingRecalledState;

export type ExistingOutgoingDocumentState = Exclude<OutgoingDocumentState, { status: 'NONE' }>;

/** Compile-time check that the state union covers exactly the contract's statuses. */
type _StatusesCovered = [ExistingOutgoingDocumentState['status']] extends [OutgoingStatus]
  ? [OutgoingStatus] extends [ExistingOutgoingDocumentState['status']]
    ? true
    : never
  : never;
const _statusesCovered: _StatusesCovered = true;
