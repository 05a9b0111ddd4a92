import type { PersonRef } from '../shared/people';
import type {
  Assignee,
  Handler,
  IncomingDocumentReceived,
  IncomingStatus,
  RejectionReason,
} from './incoming-document.events';

/** Everything recorded on receipt. */
export type ReceivedDocument = IncomingDocumentReceived['data'];

/** Vào sổ with its own number, or linked as the paper copy of a registered original (sharing its number). */
export type Registration =
  | {
      readonly type: 'REGISTERED';
      readonly registerCode: string;
      readonly year: number;
      readonly arrivalNumber: number;
      readonly arrivalDate: string;
      readonly identityKey: string;
      readonly registeredAt: string;
    }
  | {
      readonly type: 'PAPER_COPY';
      readonly registerCode: string;
      readonly year: number;
      readonly originalDocumentId: string;
      readonly originalArrivalNumber: number;
      readonly linkedAt: string;
    };

export interface Rejection {
  readonly reason: RejectionReason;
  readonly note: string;
  readonly rejectedAt: string;
  readonly rejectedBy: PersonRef;
}

export interface Presentation {
  readonly leader: PersonRef;
  readonly presentedAt: string;
  readonly presentedBy: PersonRef;
}

/** One forward of the lead: who passed what to whom, with which instruction and deadline. */
export interface Hop {
  readonly hop: number;
  readonly from: Handler;
  readonly to: Handler;
  readonly instruction: string;
  readonly deadline: string;
  readonly forwardedAt: string;
  readonly forwardedBy: PersonRef;
}

export interface DeadlineExtension {
  readonly previousDeadline: string;
  readonly deadline: string;
  readonly reason: string;
  readonly extendedAt: string;
  readonly extendedBy: PersonRef;
}

export interface Assignment {
  /** The directive as given (the LEAD line names the first lead). */
  readonly assignees: readonly Assignee[];
  readonly instruction: string;
  readonly assignedAt: string;
  readonly assignedBy: PersonRef;
  readonly routedByClerk: boolean;
  /** Who leads now (changes with each forward). */
  readonly lead: Handler;
  readonly leadDeadline: string;
  /** The document's processing deadline now, and the one first given. */
  readonly deadline: string;
  readonly originalDeadline: string;
  readonly hops: readonly Hop[];
  readonly extensions: readonly DeadlineExtension[];
}

export interface ProgressNote {
  readonly note: string;
  readonly reportedAt: string;
  readonly reportedBy: PersonRef;
}

export interface Completion {
  readonly result: string;
  readonly replyDocumentId: string | null;
  readonly completedAt: string;
  readonly completedBy: PersonRef;
  readonly completedLate: boolean;
}

interface Received {
  readonly document: ReceivedDocument;
}

interface Registered extends Received {
  readonly registration: Registration;
  /** The original's id when this document is a paper copy. */
  readonly paperCopyOf: string | null;
  readonly presentation: Presentation | null;
}

export type ReceivedState = { readonly status: 'RECEIVED' } & Received;
export type RejectedState = { readonly status: 'REJECTED'; readonly rejection: Rejection } & Received;
export type RegisteredState = { readonly status: 'REGISTERED' } & Registered;
export type PresentedState = { readonly status: 'PRESENTED'; readonly presentation: Presentation } & Registered;
export type AssignedState = { readonly status: 'ASSIGNED'; readonly assignment: Assignment } & Registered;
export type InProgressState = {
  readonly status: 'IN_PROGRESS';
  readonly assignment: Assignment;
  readonly startedAt: string;
  readonly progress: readonly ProgressNote[];
} & Registered;
export type CompletedState = {
  readonly status: 'COMPLETED';
  readonly assignment: Assignment;
  readonly startedAt: string | null;
  readonly progress: readonly ProgressNote[];
  readonly completion: Completion;
} & Registered;

/** The states a recall can interrupt; a refused recall restores the state exactly. */
export type RecallableState = ReceivedState | RegisteredState | PresentedState | AssignedState | InProgressState;

export type RecallRequestedState = {
  readonly status: 'RECALL_REQUESTED';
  readonly recallReason: string;
  readonly recallRequestedAt: string;
  readonly previous: RecallableState;
} & Received;

export type RecalledState = {
  readonly status: 'RECALLED';
  readonly recallReason: string;
  readonly recalledAt: string;
  readonly previous: RecallableState;
} & Received;

export type IncomingDocumentState =
  | { readonly status: 'NONE' }
  | ReceivedState
  | RejectedState
  | RegisteredState
  | PresentedState
  | AssignedState
  | InProgressState
  | CompletedState
  | RecallRequestedState
  | RecalledState;

export type ExistingIncomingDocumentState = Exclude<IncomingDocumentState, { status: 'NONE' }>;

/** Compile-time check that the state union covers exactly the contract's statuses. */
type _StatusesCovered = [ExistingIncomingDocumentState['status']] extends [IncomingStatus]
  ? [IncomingStatus] extends [ExistingIncomingDocumentState['status']]
    ? true
    : never
  : never;
const _statusesCovered: _StatusesCovered = true;
