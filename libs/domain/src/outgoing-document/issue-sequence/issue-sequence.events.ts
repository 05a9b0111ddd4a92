import type { DomainEvent } from '../../shared/decider';

/**
 * Events of an issue-sequence stream `outgoing_sequence-<agencyCode>-<year>` (streams.ts `outgoingSequenceStream`):
 * the sequence of the agency's outgoing documents within a year, over all of its outgoing registers, which the
 * document identifier (mã định danh văn bản = agency code + year + sequence, QĐ 395) needs. A register's number
 * cannot serve: an agency may keep several outgoing registers (Decree 30 Điều 15.1.c), each numbered from 1.
 *
 * Like the register, every event carries the whole state, so the stream folds from its last event only
 * (`issueSequenceDecider.foldsFromLastEventOnly`).
 */
export type IssueSequenceAllocated = DomainEvent<
  'IssueSequenceAllocated',
  {
    agencyCode: string;
    year: number;
    /** 1, 2, 3 … per agency and year; also the stream's last sequence. */
    sequence: number;
    documentId: string;
    allocatedAt: string;
  }
>;

export type IssueSequenceEvent = IssueSequenceAllocated;
export type IssueSequenceEventType = IssueSequenceEvent['type'];
export const ISSUE_SEQUENCE_EVENT_TYPES: readonly IssueSequenceEventType[] = ['IssueSequenceAllocated'];
