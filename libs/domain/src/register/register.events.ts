import type { DomainEvent } from '../shared/decider';

/** Sổ văn bản đến / đi. */
export type RegisterKind = 'INCOMING' | 'OUTGOING';
export const REGISTER_KINDS: readonly RegisterKind[] = ['INCOMING', 'OUTGOING'];

/**
 * Events of a register stream `register-<agencyCode>-<registerCode>-<year>` (streams.ts `registerStream`).
 *
 * Every event carries the register's identity, kind, name and its last number, so the register's state is
 * derivable from the LAST event of the stream alone (`registerDecider.foldsFromLastEventOnly`): the
 * command handler reads the stream backwards with maxCount 1 instead of folding every allocation.
 */

/** A register was opened by hand for a year (default registers need not be opened; see default-registers.ts). */
export type RegisterOpened = DomainEvent<
  'RegisterOpened',
  {
    agencyCode: string;
    registerCode: string;
    kind: RegisterKind;
    year: number;
    name: string;
    /** Document type names or codes this register is for; empty = all types. */
    documentTypes: readonly string[];
    /** Always 0: numbering starts at 1. */
    lastNumber: number;
    openedAt: string;
  }
>;

/** The next number of the register (số đến / số văn bản đi) went to a document. */
export type RegisterNumberAllocated = DomainEvent<
  'RegisterNumberAllocated',
  {
    agencyCode: string;
    registerCode: string;
    kind: RegisterKind;
    year: number;
    /** The register's name, repeated so the last event alone describes the register. */
    name: string;
    /** The number allocated, consecutive from 1 per register and year; it is also the register's last number. */
    number: number;
    documentId: string;
    allocatedAt: string;
  }
>;

export type RegisterEvent = RegisterOpened | RegisterNumberAllocated;
export type RegisterEventType = RegisterEvent['type'];
export const REGISTER_EVENT_TYPES: readonly RegisterEventType[] = ['RegisterOpened', 'RegisterNumberAllocated'];
