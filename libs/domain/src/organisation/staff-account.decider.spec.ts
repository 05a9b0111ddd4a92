import { DeciderSpecification, actor } from '../testing';
import type { Actor } from '../shared/decider';
import type { ChangeStaffRoles, CreateStaffAccount, LockStaffAccount } from './staff-account.commands';
import type { StaffAccountCreated, StaffAccountLocked, StaffRolesChanged } from './staff-account.events';
import { staffAccountDecider } from './staff-account.decider';

const NOW = '2025-03-03T08:00:00+07:00';
const AGENCY = '000.00.01.H41';
const admin = actor('ADMIN');
const spec = DeciderSpecification.for(staffAccountDecider);

function create(data: Partial<CreateStaffAccount['data']> = {}, by: Actor = admin): CreateStaffAccount {
  return {
    type: 'CreateStaffAccount',
    data: {
      username: 'vp_nguyenvana',
      fullName: 'Nguyễn Văn A',
      position: 'Chuyên viên',
      agencyCode: AGENCY,
      unitId: 'unit-1',
      roles: ['OFFICER'],
      ...data,
    },
    context: { actor: by, now: NOW },
  };
}

function changeRoles(roles: ChangeStaffRoles['data']['roles'], by: Actor = admin): ChangeStaffRoles {
  return { type: 'ChangeStaffRoles', data: { username: 'vp_nguyenvana', roles }, context: { actor: by, now: NOW } };
}

function lock(reason = 'Chuyển công tác', by: Actor = admin): LockStaffAccount {
  return { type: 'LockStaffAccount', data: { username: 'vp_nguyenvana', reason }, context: { actor: by, now: NOW } };
}

const created: StaffAccountCreated = {
  type: 'StaffAccountCreated',
  data: {
    username: 'vp_nguyenvana',
    fullName: 'Nguyễn Văn A',
    position: 'Chuyên viên',
    agencyCode: AGENCY,
    unitId: 'unit-1',
    roles: ['OFFICER'],
    createdAt: NOW,
  },
};
const rolesChanged: StaffRolesChanged = {
  type: 'StaffRolesChanged',
  data: { username: 'vp_nguyenvana', agencyCode: AGENCY, previousRoles: ['OFFICER'], roles: ['CLERK', 'OFFICER'], changedAt: NOW },
};
const locked: StaffAccountLocked = {
  type: 'StaffAccountLocked',
  data: { username: 'vp_nguyenvana', agencyCode: AGENCY, reason: 'Chuyển công tác', lockedAt: NOW },
};

describe('staff account decider', () => {
  describe('when the account does not exist', () => {
    it('creates it', () => {
      spec.given([]).when(create()).then([created]);
    });

    it('stores roles de-duplicated in canonical order', () => {
      spec
        .given([])
        .when(create({ roles: ['OFFICER', 'CLERK', 'OFFICER'] }))
        .then([{ type: 'StaffAccountCreated', data: { ...created.data, roles: ['CLERK', 'OFFICER'] } }]);
    });

    it('creates an account without unit', () => {
      spec
        .given([])
        .when(create({ unitId: null, roles: ['LEADER'] }))
        .then([{ type: 'StaffAccountCreated', data: { ...created.data, unitId: null, roles: ['LEADER'] } }]);
    });

    it('refuses a non-ADMIN', () => {
      spec.given([]).when(create({}, actor('LEADER'))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses an ADMIN of another agency', () => {
      spec
        .given([])
        .when(create({}, actor('ADMIN', { agencyCode: '000.00.02.H41' })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it.each(['ab', 'Nguyen.A', 'nguyễn', 'a b c', 'x'.repeat(65)])('refuses the username %p', (username) => {
      spec.given([]).when(create({ username })).thenThrows('VALIDATION_FAILED', { field: 'username' });
    });

    it('refuses an empty role list', () => {
      spec.given([]).when(create({ roles: [] })).thenThrows('VALIDATION_FAILED', { field: 'roles', reason: 'REQUIRED' });
    });

    it('refuses an unknown role', () => {
      spec
        .given([])
        .when(create({ roles: ['OFFICER', 'SUPERUSER' as never] }))
        .thenThrows('VALIDATION_FAILED', { field: 'roles', unknownRoles: ['SUPERUSER'] });
    });

    it('refuses an empty full name', () => {
      spec.given([]).when(create({ fullName: ' ' })).thenThrows('VALIDATION_FAILED', { field: 'fullName' });
    });

    it('cannot change roles of a missing account', () => {
      spec.given([]).when(changeRoles(['CLERK'])).thenThrows('NOT_FOUND', { username: 'vp_nguyenvana' });
    });

    it('cannot lock a missing account', () => {
      spec.given([]).when(lock()).thenThrows('NOT_FOUND');
    });
  });

  describe('when active', () => {
    it('refuses to create it again', () => {
      spec.given([created]).when(create()).thenThrows('ALREADY_EXISTS');
    });

    it('changes its roles', () => {
      const state = spec.given([created]).when(changeRoles(['OFFICER', 'CLERK'])).then([rolesChanged]);
      expect(state).toMatchObject({ status: 'ACTIVE', roles: ['CLERK', 'OFFICER'] });
    });

    it('records nothing when the roles are already so', () => {
      spec.given([created]).when(changeRoles(['OFFICER'])).thenNothingHappens();
    });

    it('refuses to change roles to none', () => {
      spec.given([created]).when(changeRoles([])).thenThrows('VALIDATION_FAILED', { field: 'roles' });
    });

    it('refuses role changes by an ADMIN of another agency', () => {
      spec
        .given([created])
        .when(changeRoles(['CLERK'], actor('ADMIN', { agencyCode: '000.00.02.H41' })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it('refuses role changes by a non-ADMIN', () => {
      spec.given([created]).when(changeRoles(['CLERK'], actor('LEADER'))).thenThrows('FORBIDDEN_FOR_ROLE');
    });

    it('locks it', () => {
      const state = spec.given([created]).when(lock()).then([locked]);
      expect(state).toMatchObject({ status: 'LOCKED', lockReason: 'Chuyển công tác' });
    });

    it('refuses to lock without a reason', () => {
      spec.given([created]).when(lock('  ')).thenThrows('VALIDATION_FAILED', { field: 'reason' });
    });

    it('refuses a lock by a non-ADMIN', () => {
      spec.given([created]).when(lock('x', actor('CLERK'))).thenThrows('FORBIDDEN_FOR_ROLE');
    });
  });

  describe('when locked', () => {
    it('refuses role changes', () => {
      spec.given([created, rolesChanged, locked]).when(changeRoles(['LEADER'])).thenThrows('INVALID_TRANSITION', {
        status: 'LOCKED',
        command: 'ChangeStaffRoles',
      });
    });

    it('refuses to lock it again', () => {
      spec.given([created, locked]).when(lock()).thenThrows('INVALID_TRANSITION', { status: 'LOCKED', command: 'LockStaffAccount' });
    });
  });
});
