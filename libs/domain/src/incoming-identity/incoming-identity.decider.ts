import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { requireAnyRole, requireSameAgency } from '../shared/authorization';
import { foldForComparison } from '../shared/text';
import { requireText, validationFailed } from '../shared/validation';
import { recipientOfIdentityKey } from './incoming-identity-key';
import type { ClaimIncomingIdentity, IncomingIdentityCommand } from './incoming-identity.commands';
import type { IncomingIdentityEvent } from './incoming-identity.events';

export type IncomingIdentityState =
  | { readonly status: 'UNCLAIMED' }
  | { readonly status: 'CLAIMED'; readonly key: string; readonly documentId: string; readonly claimedAt: string };

function claim(command: ClaimIncomingIdentity, state: IncomingIdentityState): IncomingIdentityEvent[] {
  const { data, context } = command;
  requireSameAgency(context.actor, data.agencyCode, command.type);
  requireAnyRole(context.actor, ['CLERK'], command.type);
  const key = requireText(data.key, 'key', 1000);
  if (recipientOfIdentityKey(key) !== foldForComparison(data.agencyCode)) {
    throw validationFailed('key', 'OTHER_AGENCY_KEY', 'must be an identity key of the receiving agency (incomingIdentityKey)');
  }
  const documentId = requireText(data.documentId, 'documentId', 128);
  if (state.status === 'CLAIMED') {
    if (state.documentId === documentId) return []; // the same document again: idempotent
    throw new DomainError('DUPLICATE_DOCUMENT', `This document is already registered as ${state.documentId}`, {
      existingDocumentId: state.documentId,
      key: state.key,
    });
  }
  return [{ type: 'IncomingIdentityClaimed', data: { key, agencyCode: data.agencyCode, documentId, claimedAt: context.now } }];
}

export type IncomingIdentityDecider = Decider<IncomingIdentityCommand, IncomingIdentityEvent, IncomingIdentityState>;

/** The uniqueness aggregate guarding duplicate incoming documents (stream `incoming_identity-<key>`). */
export const incomingIdentityDecider: IncomingIdentityDecider = {
  initialState: () => ({ status: 'UNCLAIMED' }),

  evolve(state, event) {
    switch (event.type) {
      case 'IncomingIdentityClaimed':
        // The first claim wins; a stream never holds two, but a replay must not move the owner.
        return state.status === 'CLAIMED'
          ? state
          : { status: 'CLAIMED', key: event.data.key, documentId: event.data.documentId, claimedAt: event.data.claimedAt };
      default: {
        const _exhaustive: never = event.type;
        return _exhaustive;
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'ClaimIncomingIdentity':
        return claim(command, state);
      default: {
        const _exhaustive: never = command.type;
        return _exhaustive;
      }
    }
  },
};
