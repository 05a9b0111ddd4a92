import { DeciderSpecification, actor } from '../testing';
import { fold, type Actor } from '../shared/decider';
import type { AllocateRegisterNumber, OpenRegister } from './register.commands';
import type { RegisterEvent, RegisterNumberAllocated, RegisterOpened } from './register.events';
import { allocatedNumberFor, registerDecider } from './register.decider';
import { DEFAULT_INCOMING_REGISTER_CODE, DEFAULT_OUTGOING_REGISTER_CODE, defaultRegister, defaultRegisterByCode } from './default-registers';

const NOW = '2025-03-03T08:00:00+07:00';
const AGENCY = '000.00.01.H41';
const clerk = actor('CLERK');
const spec = DeciderSpecification.for(registerDecider);

function open(data: Partial<OpenRegister['data']> = {}, by: Actor = clerk): OpenRegister {
  return {
    type: 'OpenRegister',
    data: { agencyCode: AGENCY, kind: 'INCOMING', year: 2025, code: 'QPPL', name: 'Sổ văn bản quy phạm pháp luật đến', documentTypes: ['Quyết định'], ...data },
    context: { actor: by, now: NOW },
  };
}

function allocate(data: Partial<AllocateRegisterNumber['data']> = {}, by: Actor = clerk): AllocateRegisterNumber {
  return {
    type: 'AllocateRegisterNumber',
    data: { agencyCode: AGENCY, registerCode: 'QPPL', year: 2025, kind: 'INCOMING', documentId: 'doc-1', ...data },
    context: { actor: by, now: NOW },
  };
}

const opened: RegisterOpened = {
  type: 'RegisterOpened',
  data: {
    agencyCode: AGENCY,
    registerCode: 'QPPL',
    kind: 'INCOMING',
    year: 2025,
    name: 'Sổ văn bản quy phạm pháp luật đến',
    documentTypes: ['Quyết định'],
    lastNumber: 0,
    openedAt: NOW,
  },
};

function allocated(number: number, documentId: string, overrides: Partial<RegisterNumberAllocated['data']> = {}): RegisterNumberAllocated {
  return {
    type: 'RegisterNumberAllocated',
    data: {
      agencyCode: AGENCY,
      registerCode: 'QPPL',
      kind: 'INCOMING',
      year: 2025,
      name: 'Sổ văn bản quy phạm pháp luật đến',
      number,
      documentId,
      allocatedAt: NOW,
      ...overrides,
    },
  };
}

const defaultIncoming = { registerCode: 'DEN', name: 'Sổ văn bản đến' } as const;

describe('register decider', () => {
  describe('default registers', () => {
    it('are DEN for incoming and DI for outgoing, with Vietnamese names', () => {
      expect(defaultRegister('INCOMING')).toEqual({ code: DEFAULT_INCOMING_REGISTER_CODE, kind: 'INCOMING', name: 'Sổ văn bản đến' });
      expect(defaultRegister('OUTGOING')).toEqual({ code: DEFAULT_OUTGOING_REGISTER_CODE, kind: 'OUTGOING', name: 'Sổ văn bản đi' });
      expect(defaultRegisterByCode('DI')?.kind).toBe('OUTGOING');
      expect(defaultRegisterByCode('QPPL')).toBeNull();
    });
  });

  describe('when not opened', () => {
    it('opens a register', () => {
      spec.given([]).when(open()).then([opened]);
    });

    it('lets an ADMIN open a register', () => {
      spec.given([]).when(open({}, actor('ADMIN'))).then([opened]);
    });

    it('de-duplicates document types', () => {
      spec
        .given([])
        .when(open({ documentTypes: ['Quyết định', ' Quyết định ', 'Chỉ thị'] }))
        .then([{ type: 'RegisterOpened', data: { ...opened.data, documentTypes: ['Quyết định', 'Chỉ thị'] } }]);
    });

    it('refuses an OFFICER', () => {
      spec.given([]).when(open({}, actor('OFFICER'))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a clerk of another agency', () => {
      spec.given([]).when(open({}, actor('CLERK', { agencyCode: '000.00.02.H41' }))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it.each(['qppl', 'SỔ', '', 'A'.repeat(21), 'A B'])('refuses the register code %p', (code) => {
      spec.given([]).when(open({ code })).thenThrows('VALIDATION_FAILED', { field: 'code' });
    });

    it('refuses a year out of range', () => {
      spec.given([]).when(open({ year: 25 })).thenThrows('VALIDATION_FAILED', { field: 'year' });
    });

    it('refuses an unknown kind', () => {
      spec.given([]).when(open({ kind: 'COPY' as never })).thenThrows('VALIDATION_FAILED', { field: 'kind' });
    });

    it('refuses an empty name', () => {
      spec.given([]).when(open({ name: '' })).thenThrows('VALIDATION_FAILED', { field: 'name' });
    });

    it('refuses to open the default outgoing code as an incoming register', () => {
      spec.given([]).when(open({ code: 'DI' })).thenThrows('VALIDATION_FAILED', { field: 'code', reason: 'DEFAULT_CODE_OF_OTHER_KIND' });
    });

    it('allocates number 1 from the default incoming register without opening it', () => {
      spec
        .given([])
        .when(allocate({ registerCode: 'DEN' }))
        .then([allocated(1, 'doc-1', defaultIncoming)]);
    });

    it('allocates number 1 from the default outgoing register without opening it', () => {
      spec
        .given([])
        .when(allocate({ registerCode: 'DI', kind: 'OUTGOING' }))
        .then([allocated(1, 'doc-1', { registerCode: 'DI', kind: 'OUTGOING', name: 'Sổ văn bản đi' })]);
    });

    it('refuses to allocate from an unopened register that is not a default one', () => {
      spec.given([]).when(allocate()).thenThrows('NOT_FOUND', { registerCode: 'QPPL', year: 2025 });
    });

    it('refuses to allocate an incoming number from the default outgoing register', () => {
      spec.given([]).when(allocate({ registerCode: 'DI' })).thenThrows('VALIDATION_FAILED', { field: 'kind', registerKind: 'OUTGOING' });
    });

    it('refuses an allocation by a LEADER', () => {
      spec.given([]).when(allocate({ registerCode: 'DEN' }, actor('LEADER'))).thenThrows('FORBIDDEN_FOR_ROLE');
    });

    it('refuses an allocation for another agency', () => {
      spec
        .given([])
        .when(allocate({ registerCode: 'DEN' }, actor('CLERK', { agencyCode: '000.00.02.H41' })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it('refuses an allocation without document', () => {
      spec.given([]).when(allocate({ registerCode: 'DEN', documentId: ' ' })).thenThrows('VALIDATION_FAILED', { field: 'documentId' });
    });
  });

  describe('when opened', () => {
    it('refuses to open it twice', () => {
      spec.given([opened]).when(open()).thenThrows('ALREADY_EXISTS', { code: 'QPPL', year: 2025 });
    });

    it('allocates number 1 first', () => {
      const state = spec.given([opened]).when(allocate()).then([allocated(1, 'doc-1')]);
      expect(allocatedNumberFor(state, 'doc-1')).toBe(1);
    });

    it('refuses an allocation of the wrong kind', () => {
      spec.given([opened]).when(allocate({ kind: 'OUTGOING' })).thenThrows('VALIDATION_FAILED', { field: 'kind', registerKind: 'INCOMING' });
    });

    it('refuses a command addressed to another register stream', () => {
      spec.given([opened]).when(allocate({ year: 2026 })).thenThrows('VALIDATION_FAILED', { reason: 'STREAM_MISMATCH' });
    });
  });

  describe('when numbers were allocated', () => {
    const history: RegisterEvent[] = [opened, allocated(1, 'doc-1'), allocated(2, 'doc-2'), allocated(3, 'doc-3')];

    it('allocates the next consecutive number', () => {
      spec.given(history).when(allocate({ documentId: 'doc-4' })).then([allocated(4, 'doc-4')]);
    });

    it('allocates nothing new for the document that got the last number, which is reused', () => {
      const state = spec.given(history).when(allocate({ documentId: 'doc-3' })).thenNothingHappens();
      expect(allocatedNumberFor(state, 'doc-3')).toBe(3);
      expect(allocatedNumberFor(state, 'doc-4')).toBeNull();
    });

    it('continues the default register after earlier allocations', () => {
      spec
        .given([allocated(1, 'doc-1', defaultIncoming), allocated(2, 'doc-2', defaultIncoming)])
        .when(allocate({ registerCode: 'DEN', documentId: 'doc-9' }))
        .then([allocated(3, 'doc-9', defaultIncoming)]);
    });

    it('refuses to open a default register once numbers were taken from it', () => {
      spec.given([allocated(1, 'doc-1', defaultIncoming)]).when(open({ code: 'DEN' })).thenThrows('ALREADY_EXISTS');
    });
  });

  describe('folding from the last event only', () => {
    it('is declared on the decider', () => {
      expect(registerDecider.foldsFromLastEventOnly).toBe(true);
    });

    it.each([
      ['an opened register', [opened]],
      ['an opened register with allocations', [opened, allocated(1, 'doc-1'), allocated(2, 'doc-2')]],
      ['a default register', [allocated(1, 'a', defaultIncoming), allocated(2, 'b', defaultIncoming), allocated(3, 'c', defaultIncoming)]],
    ] as const)('gives the same state for %s', (_label, events) => {
      expect(fold(registerDecider, events.slice(-1))).toEqual(fold(registerDecider, events));
    });

    it('decides the same from the last event as from the whole stream', () => {
      const events = [opened, allocated(1, 'doc-1'), allocated(2, 'doc-2')];
      const command = allocate({ documentId: 'doc-3' });
      expect(registerDecider.decide(command, fold(registerDecider, events.slice(-1)))).toEqual(
        registerDecider.decide(command, fold(registerDecider, events)),
      );
    });
  });
});
