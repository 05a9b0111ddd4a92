import type { Decider, Role } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { ROLES, requireAnyRole, requireSameAgency } from '../shared/authorization';
import { instantMillis } from '../shared/time';
import { optionalText, requireInstant, requireOneOf, requireText, validationFailed } from '../shared/validation';
import { DELEGATED_ACTIONS, type DelegatedAction } from './delegation';
import type {
  ChangeStaffRoles,
  CreateStaffAccount,
  GrantDelegation,
  LockStaffAccount,
  RevokeDelegation,
  StaffAccountCommand,
} from './staff-account.commands';
import type { StaffAccountEvent } from './staff-account.events';
import type { StaffAccountState } from './staff-account.state';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;

/** A non-empty set of known roles, de-duplicated, in the canonical order of `ROLES`. */
export function normalizeRoles(roles: unknown): readonly Role[] {
  if (!Array.isArray(roles) || roles.length === 0) {
    throw validationFailed('roles', 'REQUIRED', 'must name at least one role');
  }
  const unknown = roles.filter((role) => !(ROLES as readonly unknown[]).includes(role));
  if (unknown.length > 0) {
    throw validationFailed('roles', 'UNKNOWN_ROLE', `must be roles among ${ROLES.join(', ')}`, { unknownRoles: unknown });
  }
  return ROLES.filter((role) => roles.includes(role));
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role, index) => role === b[index]);
}

function createStaffAccount(command: CreateStaffAccount, state: StaffAccountState): StaffAccountEvent[] {
  const { data, context } = command;
  requireAnyRole(context.actor, ['ADMIN'], command.type);
  requireSameAgency(context.actor, data.agencyCode, command.type);
  if (state.status !== 'NONE') {
    throw new DomainError('ALREADY_EXISTS', `Staff account ${data.username} already exists`, { username: data.username });
  }
  if (typeof data.username !== 'string' || !USERNAME_PATTERN.test(data.username)) {
    throw validationFailed('username', 'INVALID_USERNAME', `must match ${USERNAME_PATTERN.source}`, { value: data.username });
  }
  const fullName = requireText(data.fullName, 'fullName', 255);
  const position = optionalText(data.position, 'position', 255);
  const unitId = data.unitId === null ? null : requireText(data.unitId, 'unitId', 64);
  const roles = normalizeRoles(data.roles);
  return [
    {
      type: 'StaffAccountCreated',
      data: { username: data.username, fullName, position, agencyCode: data.agencyCode, unitId, roles, createdAt: context.now },
    },
  ];
}

function existing(state: StaffAccountState, username: string): Exclude<StaffAccountState, { status: 'NONE' }> {
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', `Staff account ${username} does not exist`, { username });
  return state;
}

function requireActive(state: Exclude<StaffAccountState, { status: 'NONE' }>, command: string): void {
  if (state.status === 'LOCKED') {
    throw new DomainError('INVALID_TRANSITION', `${command} is not allowed: staff account ${state.username} is LOCKED`, {
      status: state.status,
      command,
      username: state.username,
    });
  }
}

function changeStaffRoles(command: ChangeStaffRoles, state: StaffAccountState): StaffAccountEvent[] {
  const { data, context } = command;
  const account = existing(state, data.username);
  requireSameAgency(context.actor, account.agencyCode, command.type);
  requireAnyRole(context.actor, ['ADMIN'], command.type);
  requireActive(account, command.type);
  const roles = normalizeRoles(data.roles);
  if (sameRoles(roles, account.roles)) return []; // already so: nothing to record
  return [
    {
      type: 'StaffRolesChanged',
      data: { username: account.username, agencyCode: account.agencyCode, previousRoles: account.roles, roles, changedAt: context.now },
    },
  ];
}

function lockStaffAccount(command: LockStaffAccount, state: StaffAccountState): StaffAccountEvent[] {
  const { data, context } = command;
  const account = existing(state, data.username);
  requireSameAgency(context.actor, account.agencyCode, command.type);
  requireAnyRole(context.actor, ['ADMIN'], command.type);
  requireActive(account, command.type);
  const reason = requireText(data.reason, 'reason', 1000);
  return [
    { type: 'StaffAccountLocked', data: { username: account.username, agencyCode: account.agencyCode, reason, lockedAt: context.now } },
  ];
}

/** Roles whose authority (approving a release, signing) can be delegated. */
const DELEGATING_ROLES: readonly Role[] = ['LEADER', 'UNIT_HEAD'];

/** A non-empty set of known actions, de-duplicated, in the order of `DELEGATED_ACTIONS`. */
function delegatedActions(actions: unknown): readonly DelegatedAction[] {
  if (!Array.isArray(actions) || actions.length === 0) throw validationFailed('actions', 'REQUIRED', 'must name at least one action');
  for (const action of actions) requireOneOf(action, DELEGATED_ACTIONS, 'actions');
  return DELEGATED_ACTIONS.filter((action) => actions.includes(action));
}

function grantDelegation(command: GrantDelegation, state: StaffAccountState): StaffAccountEvent[] {
  const { data, context } = command;
  const account = existing(state, data.username);
  requireSameAgency(context.actor, account.agencyCode, command.type);
  if (context.actor.username !== account.username) {
    throw new DomainError('FORBIDDEN_FOR_ROLE', `${command.type}: only ${account.fullName} can delegate their own authority`, {
      command: command.type,
      username: account.username,
    });
  }
  requireAnyRole(context.actor, DELEGATING_ROLES, command.type);
  requireActive(account, command.type);
  const delegationId = requireText(data.delegationId, 'delegationId', 64);
  if (account.delegations.some((d) => d.delegationId === delegationId)) {
    throw new DomainError('ALREADY_EXISTS', `Delegation ${delegationId} already exists`, { delegationId });
  }
  const delegate = {
    username: requireText(data.delegate?.username, 'delegate.username', 64),
    fullName: requireText(data.delegate?.fullName, 'delegate.fullName', 255),
  };
  if (delegate.username === account.username) throw validationFailed('delegate', 'SELF_DELEGATION', 'must be someone else than the delegator');
  const actions = delegatedActions(data.actions);
  const validFrom = requireInstant(data.validFrom, 'validFrom');
  const validTo = requireInstant(data.validTo, 'validTo');
  if (instantMillis(validTo) <= instantMillis(validFrom)) throw validationFailed('validTo', 'BEFORE_START', 'must be after validFrom');
  if (instantMillis(validTo) <= instantMillis(context.now)) throw validationFailed('validTo', 'IN_THE_PAST', 'must be in the future');
  const basis = requireText(data.basis, 'basis', 500);
  return [
    {
      type: 'DelegationGranted',
      data: {
        delegationId,
        username: account.username,
        fullName: account.fullName,
        agencyCode: account.agencyCode,
        delegate,
        actions,
        validFrom,
        validTo,
        basis,
        grantedAt: context.now,
      },
    },
  ];
}

function revokeDelegation(command: RevokeDelegation, state: StaffAccountState): StaffAccountEvent[] {
  const { data, context } = command;
  const account = existing(state, data.username);
  requireSameAgency(context.actor, account.agencyCode, command.type);
  if (context.actor.username !== account.username) requireAnyRole(context.actor, ['ADMIN'], command.type);
  const delegation = account.delegations.find((d) => d.delegationId === data.delegationId);
  if (!delegation) {
    throw new DomainError('NOT_FOUND', `Delegation ${String(data.delegationId)} of ${account.username} does not exist`, { delegationId: data.delegationId });
  }
  const reason = requireText(data.reason, 'reason', 1000);
  if (delegation.revokedAt !== null) return []; // already so: nothing to record
  return [
    {
      type: 'DelegationRevoked',
      data: { delegationId: delegation.delegationId, username: account.username, agencyCode: account.agencyCode, reason, revokedAt: context.now },
    },
  ];
}

export type StaffAccountDecider = Decider<StaffAccountCommand, StaffAccountEvent, StaffAccountState>;

/** The staff account aggregate (stream `staff-<username>`). */
export const staffAccountDecider: StaffAccountDecider = {
  initialState: () => ({ status: 'NONE' }),

  evolve(state, event) {
    switch (event.type) {
      case 'StaffAccountCreated': {
        const { createdAt: _createdAt, ...facts } = event.data;
        return { status: 'ACTIVE', ...facts, delegations: [] };
      }
      case 'StaffRolesChanged':
        return state.status === 'NONE' ? state : { ...state, roles: event.data.roles };
      case 'StaffAccountLocked':
        return state.status === 'NONE'
          ? state
          : { ...state, status: 'LOCKED', lockReason: event.data.reason, lockedAt: event.data.lockedAt };
      case 'DelegationGranted': {
        if (state.status === 'NONE') return state;
        const { delegationId, delegate, actions, validFrom, validTo, basis } = event.data;
        return { ...state, delegations: [...state.delegations, { delegationId, delegate, actions, validFrom, validTo, basis, revokedAt: null }] };
      }
      case 'DelegationRevoked':
        return state.status === 'NONE'
          ? state
          : {
              ...state,
              delegations: state.delegations.map((d) => (d.delegationId === event.data.delegationId ? { ...d, revokedAt: event.data.revokedAt } : d)),
            };
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'CreateStaffAccount':
        return createStaffAccount(command, state);
      case 'ChangeStaffRoles':
        return changeStaffRoles(command, state);
      case 'LockStaffAccount':
        return lockStaffAccount(command, state);
      case 'GrantDelegation':
        return grantDelegation(command, state);
      case 'RevokeDelegation':
        return revokeDelegation(command, state);
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
