import { DeciderSpecification, actor } from '../testing';
import type { Actor } from '../shared/decider';
import type { ClaimIncomingIdentity } from './incoming-identity.commands';
import type { IncomingIdentityClaimed } from './incoming-identity.events';
import { incomingIdentityDecider } from './incoming-identity.decider';
import { incomingIdentityKey } from './incoming-identity-key';

const NOW = '2025-03-03T08:00:00+07:00';
const AGENCY = '000.00.01.H41';
const KEY = incomingIdentityKey({
  recipientAgencyCode: AGENCY,
  sender: { agencyCode: '000.00.00.H41', name: 'UBND tỉnh' },
  codeNumber: '05',
  codeNotation: 'QĐ-UBND',
  issuedDate: '2025-02-28',
});
const spec = DeciderSpecification.for(incomingIdentityDecider);

function claim(documentId: string, overrides: Partial<ClaimIncomingIdentity['data']> = {}, by: Actor = actor('CLERK')): ClaimIncomingIdentity {
  return { type: 'ClaimIncomingIdentity', data: { key: KEY, agencyCode: AGENCY, documentId, ...overrides }, context: { actor: by, now: NOW } };
}

const claimed: IncomingIdentityClaimed = {
  type: 'IncomingIdentityClaimed',
  data: { key: KEY, agencyCode: AGENCY, documentId: 'doc-1', claimedAt: NOW },
};

describe('incoming identity decider', () => {
  describe('when unclaimed', () => {
    it('lets the first document claim the identity', () => {
      spec.given([]).when(claim('doc-1')).then([claimed]);
    });

    it('refuses a key of another agency', () => {
      spec
        .given([])
        .when(claim('doc-1', { key: KEY.replace('000.00.01.h41', '000.00.02.h41') }))
        .thenThrows('VALIDATION_FAILED', { field: 'key', reason: 'OTHER_AGENCY_KEY' });
    });

    it('refuses a clerk of another agency', () => {
      spec.given([]).when(claim('doc-1', {}, actor('CLERK', { agencyCode: '000.00.02.H41' }))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it('refuses anyone but a CLERK', () => {
      spec.given([]).when(claim('doc-1', {}, actor('LEADER'))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a claim without document', () => {
      spec.given([]).when(claim('')).thenThrows('VALIDATION_FAILED', { field: 'documentId' });
    });
  });

  describe('when claimed', () => {
    it('refuses another document as a duplicate, naming the existing one', () => {
      spec.given([claimed]).when(claim('doc-2')).thenThrows('DUPLICATE_DOCUMENT', { existingDocumentId: 'doc-1' });
    });

    it('accepts the same document again without a new event', () => {
      const state = spec.given([claimed]).when(claim('doc-1')).thenNothingHappens();
      expect(state).toEqual({ status: 'CLAIMED', key: KEY, documentId: 'doc-1', claimedAt: NOW });
    });
  });
});
