import type { Command } from '../../shared/decider';

/**
 * CLERK of `agencyCode`: the next sequence for `documentId`. `year` is the Vietnam-local year of numbering,
 * the same year as the register allocation. Allocating again for the document that got the last sequence
 * records nothing (read it with `allocatedSequenceFor`).
 */
export type AllocateIssueSequence = Command<'AllocateIssueSequence', { agencyCode: string; year: number; documentId: string }>;

export type IssueSequenceCommand = AllocateIssueSequence;
