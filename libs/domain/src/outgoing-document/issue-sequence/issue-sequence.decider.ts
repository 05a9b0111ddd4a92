import type { Decider } from '../../shared/decider';
import { requireAnyRole, requireSameAgency } from '../../shared/authorization';
import { requireText, requireYear, validationFailed } from '../../shared/validation';
import type { AllocateIssueSequence, IssueSequenceCommand } from './issue-sequence.commands';
import type { IssueSequenceEvent } from './issue-sequence.events';
import type { IssueSequenceState } from './issue-sequence.state';

/** The sequence allocated to `documentId` when it was the last allocation, else null (retries reuse it). */
export function allocatedSequenceFor(state: IssueSequenceState, documentId: string): number | null {
  return state.status === 'ALLOCATING' && state.lastDocumentId === documentId ? state.lastSequence : null;
}

function allocate(command: AllocateIssueSequence, state: IssueSequenceState): IssueSequenceEvent[] {
  const { data, context } = command;
  requireSameAgency(context.actor, data.agencyCode, command.type);
  requireAnyRole(context.actor, ['CLERK'], command.type);
  const year = requireYear(data.year, 'year');
  const documentId = requireText(data.documentId, 'documentId', 128);
  if (state.status === 'ALLOCATING' && (state.agencyCode !== data.agencyCode || state.year !== year)) {
    throw validationFailed('year', 'STREAM_MISMATCH', 'the command does not address this issue-sequence stream', {
      stream: { agencyCode: state.agencyCode, year: state.year },
    });
  }
  if (state.status === 'ALLOCATING' && state.lastDocumentId === documentId) return [];
  const sequence = state.status === 'ALLOCATING' ? state.lastSequence + 1 : 1;
  return [{ type: 'IssueSequenceAllocated', data: { agencyCode: data.agencyCode, year, sequence, documentId, allocatedAt: context.now } }];
}

export type IssueSequenceDecider = Decider<IssueSequenceCommand, IssueSequenceEvent, IssueSequenceState> & {
  /** `evolve` ignores the previous state: the handler may read the stream backwards with maxCount 1. */
  readonly foldsFromLastEventOnly: true;
};

/** Sequence of an agency's outgoing documents in a year (stream `outgoing_sequence-<agencyCode>-<year>`). */
export const issueSequenceDecider: IssueSequenceDecider = {
  foldsFromLastEventOnly: true,

  initialState: () => ({ status: 'EMPTY' }),

  evolve: (_state, event) => {
    const { agencyCode, year, sequence, documentId } = event.data;
    return { status: 'ALLOCATING', agencyCode, year, lastSequence: sequence, lastDocumentId: documentId };
  },

  decide(command, state) {
    switch (command.type) {
      case 'AllocateIssueSequence':
        return allocate(command, state);
      default: {
        const _exhaustive: never = command.type;
        return _exhaustive;
      }
    }
  },
};
