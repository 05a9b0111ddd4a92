import { DeciderSpecification, actor } from '../../testing';
import { fold, type Actor } from '../../shared/decider';
import type { AllocateIssueSequence } from './issue-sequence.commands';
import type { IssueSequenceAllocated } from './issue-sequence.events';
import { allocatedSequenceFor, issueSequenceDecider } from './issue-sequence.decider';

const AGENCY = '000.00.01.H41';
const NOW = '2025-03-03T14:00:00+07:00';
const clerk = actor('CLERK');
const spec = DeciderSpecification.for(issueSequenceDecider);

function allocate(data: Partial<AllocateIssueSequence['data']> = {}, by: Actor = clerk): AllocateIssueSequence {
  return { type: 'AllocateIssueSequence', data: { agencyCode: AGENCY, year: 2025, documentId: 'out-1', ...data }, context: { actor: by, now: NOW } };
}

function allocated(sequence: number, documentId: string, overrides: Partial<IssueSequenceAllocated['data']> = {}): IssueSequenceAllocated {
  return { type: 'IssueSequenceAllocated', data: { agencyCode: AGENCY, year: 2025, sequence, documentId, allocatedAt: NOW, ...overrides } };
}

describe('issue sequence decider (document identifiers, QĐ 395)', () => {
  describe('when empty', () => {
    it('allocates 1 first', () => {
      const state = spec.given([]).when(allocate()).then([allocated(1, 'out-1')]);
      expect(allocatedSequenceFor(state, 'out-1')).toBe(1);
    });

    it('refuses anyone but a CLERK', () => {
      spec.given([]).when(allocate({}, actor('LEADER'))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a clerk of another agency', () => {
      spec.given([]).when(allocate({}, actor('CLERK', { agencyCode: '000.00.02.H41' }))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it.each([
      ['an invalid year', { year: 99 }, 'year'],
      ['no document', { documentId: ' ' }, 'documentId'],
    ])('refuses %s', (_label, data, field) => {
      spec.given([]).when(allocate(data)).thenThrows('VALIDATION_FAILED', { field });
    });

    it('has allocated nothing to anyone', () => {
      expect(allocatedSequenceFor(issueSequenceDecider.initialState(), 'out-1')).toBeNull();
    });
  });

  describe('when sequences were allocated', () => {
    const history = [allocated(1, 'out-1'), allocated(2, 'out-2'), allocated(3, 'out-3')];

    it('allocates the next consecutive sequence', () => {
      spec.given(history).when(allocate({ documentId: 'out-4' })).then([allocated(4, 'out-4')]);
    });

    it('allocates nothing new for the document that got the last sequence, which is reused', () => {
      const state = spec.given(history).when(allocate({ documentId: 'out-3' })).thenNothingHappens();
      expect(allocatedSequenceFor(state, 'out-3')).toBe(3);
      expect(allocatedSequenceFor(state, 'out-2')).toBeNull();
    });

    it('refuses a command addressed to another year or agency', () => {
      spec.given(history).when(allocate({ year: 2026, documentId: 'out-4' })).thenThrows('VALIDATION_FAILED', { reason: 'STREAM_MISMATCH' });
      spec
        .given(history)
        .when(allocate({ agencyCode: '000.00.02.H41', documentId: 'out-4' }, actor('CLERK', { agencyCode: '000.00.02.H41' })))
        .thenThrows('VALIDATION_FAILED', { reason: 'STREAM_MISMATCH' });
    });
  });

  describe('folding from the last event only', () => {
    it('is declared on the decider and gives the same state', () => {
      const events = [allocated(1, 'a'), allocated(2, 'b'), allocated(3, 'c')];
      expect(issueSequenceDecider.foldsFromLastEventOnly).toBe(true);
      expect(fold(issueSequenceDecider, events.slice(-1))).toEqual(fold(issueSequenceDecider, events));
    });
  });
});
