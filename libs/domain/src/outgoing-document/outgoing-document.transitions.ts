import type { Role } from '../shared/decider';
import type { OutgoingDocumentCommandType } from './outgoing-document.commands';
import type { OutgoingStatus } from './outgoing-document.events';

export type OutgoingDocumentCommandOnExisting = Exclude<OutgoingDocumentCommandType, 'CreateOutgoingDraft'>;

/** "OFFICER and up" (api-contract.md): who may create a draft. A clerk who drafts holds OFFICER as well. */
export const OUTGOING_DRAFTER_ROLES: readonly Role[] = ['OFFICER', 'UNIT_HEAD', 'LEADER'];

/** Who may approve, return and sign: the person who signs is a LEADER, or a UNIT_HEAD signing TL. (Điều 13). */
export const OUTGOING_SIGNER_ROLES: readonly Role[] = ['LEADER', 'UNIT_HEAD'];

/**
 * From which statuses each command is allowed (api-contract.md "Outgoing documents"). Anything else is
 * INVALID_TRANSITION naming the status, except an agency signature before the signer's signature, which is
 * SIGNATURE_ORDER (`SIGNATURE_ORDER_STATUSES`). Exported so that the API can tell clients which actions a
 * document offers.
 */
export const OUTGOING_COMMAND_ALLOWED_FROM: Readonly<Record<OutgoingDocumentCommandOnExisting, readonly OutgoingStatus[]>> = {
  ReviseOutgoingDraft: ['DRAFT', 'RETURNED'],
  SubmitOutgoingDraft: ['DRAFT'],
  ReturnOutgoingDraft: ['SUBMITTED'],
  ApproveOutgoingDraft: ['SUBMITTED'],
  SignOutgoingDocument: ['APPROVED'],
  NumberOutgoingDocument: ['SIGNED'],
  ApplyAgencySignature: ['NUMBERED'],
  IssueOutgoingDocument: ['SEALED'],
  RecallOutgoingDocument: ['ISSUED'],
};

/** Statuses in which the signer has not signed yet: `ApplyAgencySignature` there is SIGNATURE_ORDER (Phú Thọ Điều 9.3.c). */
export const SIGNATURE_ORDER_STATUSES: readonly OutgoingStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'];

/**
 * The roles a command needs before anything else is looked at; `null` = decided per document (the drafter
 * revises and submits, whatever their role now). Return, Approve and Sign also require the approver or
 * their delegate (see the decider).
 */
export const OUTGOING_COMMAND_ROLES: Readonly<Record<OutgoingDocumentCommandOnExisting, readonly Role[] | null>> = {
  ReviseOutgoingDraft: null,
  SubmitOutgoingDraft: null,
  ReturnOutgoingDraft: OUTGOING_SIGNER_ROLES,
  ApproveOutgoingDraft: OUTGOING_SIGNER_ROLES,
  SignOutgoingDocument: OUTGOING_SIGNER_ROLES,
  NumberOutgoingDocument: ['CLERK'],
  ApplyAgencySignature: ['CLERK'],
  IssueOutgoingDocument: ['CLERK'],
  RecallOutgoingDocument: ['CLERK', 'LEADER'],
};
