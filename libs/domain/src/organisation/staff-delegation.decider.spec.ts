import { DeciderSpecification, actor } from '../testing';
import type { Actor } from '../shared/decider';
import type { GrantDelegation, RevokeDelegation } from './staff-account.commands';
import type { DelegationGranted, DelegationRevoked, StaffAccountCreated, StaffAccountLocked } from './staff-account.events';
import { staffAccountDecider } from './staff-account.decider';

// Ủy quyền on the delegator's staff account stream (Khánh Hòa S0 Điều 15.4; Decree 30 Điều 13: TUQ. in writing,
// for a period and a content, no re-delegation).
const NOW = '2026-12-01T09:00:00+07:00';
const AGENCY = '000.00.01.H41';
const leader = actor('LEADER', { username: 'ct_levanc', fullName: 'Lê Văn C' });
const admin = actor('ADMIN');
const spec = DeciderSpecification.for(staffAccountDecider);
const ID = '0b6f2d3e-8a51-4c8e-9d0f-1f2e3d4c5b6a';

const created: StaffAccountCreated = {
  type: 'StaffAccountCreated',
  data: { username: 'ct_levanc', fullName: 'Lê Văn C', position: 'Chủ tịch', agencyCode: AGENCY, unitId: null, roles: ['LEADER'], createdAt: NOW },
};

function grant(data: Partial<GrantDelegation['data']> = {}, by: Actor = leader): GrantDelegation {
  return {
    type: 'GrantDelegation',
    data: {
      username: 'ct_levanc',
      delegationId: ID,
      delegate: { username: 'pct_tranthid', fullName: 'Trần Thị D' },
      actions: ['APPROVE_RELEASE', 'SIGN'],
      validFrom: '2026-12-01T00:00:00+07:00',
      validTo: '2026-12-15T00:00:00+07:00',
      basis: 'Giấy ủy quyền số 12/GUQ-UBND ngày 30/11/2026',
      ...data,
    },
    context: { actor: by, now: NOW },
  };
}

function revoke(by: Actor = leader, delegationId = ID): RevokeDelegation {
  return { type: 'RevokeDelegation', data: { username: 'ct_levanc', delegationId, reason: 'Đồng chí Chủ tịch đã trở lại cơ quan' }, context: { actor: by, now: NOW } };
}

const granted: DelegationGranted = {
  type: 'DelegationGranted',
  data: {
    delegationId: ID,
    username: 'ct_levanc',
    fullName: 'Lê Văn C',
    agencyCode: AGENCY,
    delegate: { username: 'pct_tranthid', fullName: 'Trần Thị D' },
    actions: ['APPROVE_RELEASE', 'SIGN'],
    validFrom: '2026-12-01T00:00:00+07:00',
    validTo: '2026-12-15T00:00:00+07:00',
    basis: 'Giấy ủy quyền số 12/GUQ-UBND ngày 30/11/2026',
    grantedAt: NOW,
  },
};
const revoked: DelegationRevoked = {
  type: 'DelegationRevoked',
  data: { delegationId: ID, username: 'ct_levanc', agencyCode: AGENCY, reason: 'Đồng chí Chủ tịch đã trở lại cơ quan', revokedAt: NOW },
};
const locked: StaffAccountLocked = {
  type: 'StaffAccountLocked',
  data: { username: 'ct_levanc', agencyCode: AGENCY, reason: 'Nghỉ hưu', lockedAt: NOW },
};

describe('staff account decider: delegations (ủy quyền)', () => {
  describe('GrantDelegation', () => {
    it('records a leader delegating approval and signing for a period, on a written basis', () => {
      spec.given([created]).when(grant()).then([granted]);
    });

    it('stores the actions de-duplicated in canonical order', () => {
      spec
        .given([created])
        .when(grant({ actions: ['SIGN', 'APPROVE_RELEASE', 'SIGN'] }))
        .then([{ ...granted, data: { ...granted.data, actions: ['APPROVE_RELEASE', 'SIGN'] } }]);
    });

    it('refuses anyone but the account holder: nobody delegates someone else’s authority (no re-delegation)', () => {
      const deputy = actor('LEADER', { username: 'pct_tranthid', fullName: 'Trần Thị D' });
      spec.given([created]).when(grant({}, deputy)).thenThrows('FORBIDDEN_FOR_ROLE', { username: 'ct_levanc' });
      spec.given([created]).when(grant({}, admin)).thenThrows('FORBIDDEN_FOR_ROLE');
    });

    it('refuses an account holder who neither approves nor signs (not LEADER or UNIT_HEAD)', () => {
      const officerAccount: StaffAccountCreated = { ...created, data: { ...created.data, roles: ['OFFICER'] } };
      const officer = actor('OFFICER', { username: 'ct_levanc' });
      spec.given([officerAccount]).when(grant({}, officer)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses delegating to oneself', () => {
      spec
        .given([created])
        .when(grant({ delegate: { username: 'ct_levanc', fullName: 'Lê Văn C' } }))
        .thenThrows('VALIDATION_FAILED', { field: 'delegate', reason: 'SELF_DELEGATION' });
    });

    it('refuses a delegation without actions or with an unknown one', () => {
      spec.given([created]).when(grant({ actions: [] })).thenThrows('VALIDATION_FAILED', { field: 'actions', reason: 'REQUIRED' });
      spec
        .given([created])
        .when(grant({ actions: ['ARCHIVE' as never] }))
        .thenThrows('VALIDATION_FAILED', { field: 'actions', reason: 'NOT_ALLOWED' });
    });

    it('refuses a period that ends before it starts, or has already ended (time-limited)', () => {
      spec
        .given([created])
        .when(grant({ validTo: '2026-11-30T00:00:00+07:00' }))
        .thenThrows('VALIDATION_FAILED', { field: 'validTo', reason: 'BEFORE_START' });
      spec
        .given([created])
        .when(grant({ validFrom: '2026-11-01T00:00:00+07:00', validTo: '2026-11-30T00:00:00+07:00' }))
        .thenThrows('VALIDATION_FAILED', { field: 'validTo', reason: 'IN_THE_PAST' });
      spec.given([created]).when(grant({ validFrom: '1 December' })).thenThrows('VALIDATION_FAILED', { field: 'validFrom' });
    });

    it('refuses a delegation without its written basis', () => {
      spec.given([created]).when(grant({ basis: '  ' })).thenThrows('VALIDATION_FAILED', { field: 'basis' });
    });

    it('refuses a delegation id already used, and a locked account', () => {
      spec.given([created, granted]).when(grant()).thenThrows('ALREADY_EXISTS', { delegationId: ID });
      spec.given([created, locked]).when(grant()).thenThrows('INVALID_TRANSITION', { status: 'LOCKED' });
    });
  });

  describe('RevokeDelegation', () => {
    it('ends the delegation, by the delegator or an ADMIN of the agency', () => {
      spec.given([created, granted]).when(revoke()).then([revoked]);
      spec.given([created, granted]).when(revoke(admin)).then([revoked]);
    });

    it('records nothing when the delegation is already revoked', () => {
      spec.given([created, granted, revoked]).when(revoke()).then([]);
    });

    it('refuses the delegate, another agency and an unknown delegation', () => {
      const deputy = actor('LEADER', { username: 'pct_tranthid' });
      spec.given([created, granted]).when(revoke(deputy)).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
      spec
        .given([created, granted])
        .when(revoke(actor('ADMIN', { agencyCode: '000.00.02.H41' })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
      spec.given([created, granted]).when(revoke(leader, 'another-id')).thenThrows('NOT_FOUND');
    });
  });
});
