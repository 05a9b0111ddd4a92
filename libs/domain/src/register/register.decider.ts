import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { requireAnyRole, requireSameAgency } from '../shared/authorization';
import { requireOneOf, requireText, requireYear, validationFailed } from '../shared/validation';
import { REGISTER_CODE_PATTERN, defaultRegisterByCode } from './default-registers';
import type { AllocateRegisterNumber, OpenRegister, RegisterCommand } from './register.commands';
import { REGISTER_KINDS, type RegisterEvent, type RegisterKind } from './register.events';
import type { RegisterState } from './register.state';

/**
 * The number allocated to `documentId` when it was the register's last allocation, else null.
 * A command handler that retries an allocation (e.g. after a concurrency conflict on the document's own
 * stream) decides again, gets no new event, and reuses this number.
 */
export function allocatedNumberFor(state: RegisterState, documentId: string): number | null {
  return state.status === 'OPEN' && state.lastDocumentId === documentId ? state.lastNumber : null;
}

function requireRegisterCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !REGISTER_CODE_PATTERN.test(value)) {
    throw validationFailed(field, 'INVALID_REGISTER_CODE', `must match ${REGISTER_CODE_PATTERN.source}`, { value });
  }
  return value;
}

function openRegister(command: OpenRegister, state: RegisterState): RegisterEvent[] {
  const { data, context } = command;
  requireSameAgency(context.actor, data.agencyCode, command.type);
  requireAnyRole(context.actor, ['CLERK', 'ADMIN'], command.type);
  const kind = requireOneOf<RegisterKind>(data.kind, REGISTER_KINDS, 'kind');
  const year = requireYear(data.year, 'year');
  const code = requireRegisterCode(data.code, 'code');
  if (state.status !== 'UNOPENED') {
    throw new DomainError('ALREADY_EXISTS', `Register ${code} of ${year} already exists`, { agencyCode: data.agencyCode, code, year });
  }
  const asDefault = defaultRegisterByCode(code);
  if (asDefault && asDefault.kind !== kind) {
    throw validationFailed('code', 'DEFAULT_CODE_OF_OTHER_KIND', `${code} is the default ${asDefault.kind} register`, { value: code });
  }
  const name = requireText(data.name, 'name', 255);
  if (!Array.isArray(data.documentTypes)) throw validationFailed('documentTypes', 'REQUIRED', 'must be a list');
  const documentTypes = [...new Set(data.documentTypes.map((type, index) => requireText(type, `documentTypes[${index}]`, 100)))];
  return [
    {
      type: 'RegisterOpened',
      data: { agencyCode: data.agencyCode, registerCode: code, kind, year, name, documentTypes, lastNumber: 0, openedAt: context.now },
    },
  ];
}

function allocateRegisterNumber(command: AllocateRegisterNumber, state: RegisterState): RegisterEvent[] {
  const { data, context } = command;
  requireSameAgency(context.actor, data.agencyCode, command.type);
  requireAnyRole(context.actor, ['CLERK'], command.type);
  const kind = requireOneOf<RegisterKind>(data.kind, REGISTER_KINDS, 'kind');
  const year = requireYear(data.year, 'year');
  const registerCode = requireRegisterCode(data.registerCode, 'registerCode');
  const documentId = requireText(data.documentId, 'documentId', 128);

  let register: Extract<RegisterState, { status: 'OPEN' }>;
  if (state.status === 'OPEN') {
    register = state;
    if (register.agencyCode !== data.agencyCode || register.registerCode !== registerCode || register.year !== year) {
      throw validationFailed('registerCode', 'STREAM_MISMATCH', 'the command does not address this register stream', {
        register: { agencyCode: register.agencyCode, registerCode: register.registerCode, year: register.year },
      });
    }
  } else {
    const asDefault = defaultRegisterByCode(registerCode);
    if (!asDefault) {
      throw new DomainError('NOT_FOUND', `Register ${registerCode} of ${year} has not been opened`, {
        agencyCode: data.agencyCode,
        registerCode,
        year,
      });
    }
    register = {
      status: 'OPEN',
      agencyCode: data.agencyCode,
      registerCode,
      kind: asDefault.kind,
      year,
      name: asDefault.name,
      lastNumber: 0,
      lastDocumentId: null,
    };
  }
  if (register.kind !== kind) {
    throw validationFailed('kind', 'WRONG_REGISTER_KIND', `register ${registerCode} is an ${register.kind} register`, {
      registerKind: register.kind,
    });
  }
  if (register.lastDocumentId === documentId) return []; // already allocated: reuse `allocatedNumberFor`
  return [
    {
      type: 'RegisterNumberAllocated',
      data: {
        agencyCode: register.agencyCode,
        registerCode: register.registerCode,
        kind: register.kind,
        year: register.year,
        name: register.name,
        number: register.lastNumber + 1,
        documentId,
        allocatedAt: context.now,
      },
    },
  ];
}

/** The state described by one event, whatever came before it (every event carries the whole state). */
function stateOf(event: RegisterEvent): RegisterState {
  switch (event.type) {
    case 'RegisterOpened': {
      const { agencyCode, registerCode, kind, year, name, lastNumber } = event.data;
      return { status: 'OPEN', agencyCode, registerCode, kind, year, name, lastNumber, lastDocumentId: null };
    }
    case 'RegisterNumberAllocated': {
      const { agencyCode, registerCode, kind, year, name, number, documentId } = event.data;
      return { status: 'OPEN', agencyCode, registerCode, kind, year, name, lastNumber: number, lastDocumentId: documentId };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export type RegisterDecider = Decider<RegisterCommand, RegisterEvent, RegisterState> & {
  /**
   * `evolve` ignores the previous state: folding the stream's last event alone gives the same state as folding
   * all of them, so the command handler reads the stream backwards with maxCount 1.
   */
  readonly foldsFromLastEventOnly: true;
};

/** The register aggregate (stream `register-<agencyCode>-<registerCode>-<year>`): consecutive numbers from 1. */
export const registerDecider: RegisterDecider = {
  foldsFromLastEventOnly: true,

  initialState: () => ({ status: 'UNOPENED' }),

  evolve: (_state, event) => stateOf(event),

  decide(command, state) {
    switch (command.type) {
      case 'OpenRegister':
        return openRegister(command, state);
      case 'AllocateRegisterNumber':
        return allocateRegisterNumber(command, state);
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};

