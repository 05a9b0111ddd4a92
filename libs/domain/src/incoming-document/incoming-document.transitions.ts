import type { Role } from '../shared/decider';
import type { IncomingDocumentCommandType } from './incoming-document.commands';
import type { IncomingStatus } from './incoming-document.events';

export type IncomingDocumentCommandOnExisting = Exclude<IncomingDocumentCommandType, 'ReceiveIncomingDocument'>;

/**
 * From which statuses each command is allowed (api-contract.md "Incoming documents"). Anything else is
 * INVALID_TRANSITION. Exported so that the API can tell clients which actions a document offers.
 */
export const INCOMING_COMMAND_ALLOWED_FROM: Readonly<Record<IncomingDocumentCommandOnExisting, readonly IncomingStatus[]>> = {
  RegisterIncomingDocument: ['RECEIVED'],
  LinkPaperCopy: ['RECEIVED'],
  RejectIncomingDocument: ['RECEIVED'],
  PresentIncomingDocument: ['REGISTERED'],
  AssignIncomingDocument: ['REGISTERED', 'PRESENTED'],
  ForwardAssignment: ['ASSIGNED'],
  StartProcessing: ['ASSIGNED'],
  ReportProgress: ['IN_PROGRESS'],
  CompleteIncomingDocument: ['ASSIGNED', 'IN_PROGRESS'],
  ExtendDeadline: ['ASSIGNED', 'IN_PROGRESS'],
  ReceiveRecallRequest: ['RECEIVED', 'REGISTERED', 'PRESENTED', 'ASSIGNED', 'IN_PROGRESS'],
  AcknowledgeRecall: ['RECALL_REQUESTED'],
  RefuseRecall: ['RECALL_REQUESTED'],
  RecomputeReceiptDeadlines: ['RECEIVED', 'REGISTERED', 'PRESENTED'],
};

/**
 * The roles a command needs before anything else is looked at; `null` = decided per document
 * (StartProcessing, ReportProgress and CompleteIncomingDocument belong to the LEAD assignee, whatever the role).
 * Assign and Forward add per-document conditions on top (see the decider).
 */
export const INCOMING_COMMAND_ROLES: Readonly<Record<IncomingDocumentCommandOnExisting, readonly Role[] | null>> = {
  RegisterIncomingDocument: ['CLERK'],
  LinkPaperCopy: ['CLERK'],
  RejectIncomingDocument: ['CLERK'],
  PresentIncomingDocument: ['CLERK'],
  AssignIncomingDocument: ['LEADER', 'UNIT_HEAD', 'CLERK'],
  ForwardAssignment: ['LEADER', 'UNIT_HEAD'],
  StartProcessing: null,
  ReportProgress: null,
  CompleteIncomingDocument: null,
  ExtendDeadline: ['LEADER', 'UNIT_HEAD'],
  ReceiveRecallRequest: ['CLERK'],
  AcknowledgeRecall: ['CLERK'],
  RefuseRecall: ['CLERK'],
  RecomputeReceiptDeadlines: ['ADMIN'],
};
