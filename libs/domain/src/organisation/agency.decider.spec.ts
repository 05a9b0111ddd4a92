import { DeciderSpecification, actor } from '../testing';
import type { Actor } from '../shared/decider';
import type { AgencyRegistered, UnitCreated } from './agency.events';
import type { CreateUnit, RegisterAgency } from './agency.commands';
import { agencyDecider, createAgencyDecider } from './agency.decider';

const NOW = '2025-03-03T08:00:00+07:00';
const CODE = '000.00.01.H41';
const admin = actor('ADMIN');
const spec = DeciderSpecification.for(agencyDecider);

function registerAgency(data: Partial<RegisterAgency['data']> = {}, by: Actor = admin): RegisterAgency {
  return {
    type: 'RegisterAgency',
    data: { code: CODE, name: 'Văn phòng UBND tỉnh', abbreviation: 'VP', parentCode: '000.00.00.H41', ...data },
    context: { actor: by, now: NOW },
  };
}

function createUnit(data: Partial<CreateUnit['data']> = {}, by: Actor = admin): CreateUnit {
  return {
    type: 'CreateUnit',
    data: { agencyCode: CODE, unitId: 'unit-1', name: 'Phòng Hành chính - Tổ chức', abbreviation: 'HCTC', ...data },
    context: { actor: by, now: NOW },
  };
}

const registered: AgencyRegistered = {
  type: 'AgencyRegistered',
  data: { code: CODE, name: 'Văn phòng UBND tỉnh', abbreviation: 'VP', parentCode: '000.00.00.H41', registeredAt: NOW },
};
const unitCreated: UnitCreated = {
  type: 'UnitCreated',
  data: { agencyCode: CODE, unitId: 'unit-1', name: 'Phòng Hành chính - Tổ chức', abbreviation: 'HCTC', createdAt: NOW },
};

describe('agency decider', () => {
  describe('when unregistered', () => {
    it('registers an agency under its mã định danh', () => {
      spec.given([]).when(registerAgency()).then([registered]);
    });

    it('registers a root agency without parent', () => {
      spec
        .given([])
        .when(registerAgency({ code: '000.00.00.H41', parentCode: null }))
        .then([{ type: 'AgencyRegistered', data: { ...registered.data, code: '000.00.00.H41', parentCode: null } }]);
    });

    it('stores names in NFC, trimmed', () => {
      const decomposed = '  Văn phòng UBND tỉnh '.normalize('NFD');
      const state = spec.given([]).when(registerAgency({ name: decomposed })).then([registered]);
      expect(state).toMatchObject({ status: 'REGISTERED', name: 'Văn phòng UBND tỉnh' });
    });

    it('refuses anyone but an ADMIN', () => {
      spec.given([]).when(registerAgency({}, actor('CLERK'))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it.each(['000.00.01.h41', '00.00.01.H41', '000.00.01.H4', '000-00-01-H41', ''])('refuses the malformed code %p', (code) => {
      spec.given([]).when(registerAgency({ code })).thenThrows('VALIDATION_FAILED', { field: 'code' });
    });

    it('refuses a malformed parent code', () => {
      spec.given([]).when(registerAgency({ parentCode: 'H41' })).thenThrows('VALIDATION_FAILED', { field: 'parentCode' });
    });

    it('refuses an agency that is its own parent', () => {
      spec.given([]).when(registerAgency({ parentCode: CODE })).thenThrows('VALIDATION_FAILED', { field: 'parentCode', reason: 'SELF_PARENT' });
    });

    it.each(['name', 'abbreviation'] as const)('refuses an empty %s', (field) => {
      spec.given([]).when(registerAgency({ [field]: '   ' })).thenThrows('VALIDATION_FAILED', { field });
    });

    it('refuses to create a unit in an agency that does not exist', () => {
      spec.given([]).when(createUnit()).thenThrows('NOT_FOUND', { agencyCode: CODE });
    });

    it('accepts another code pattern when configured', () => {
      DeciderSpecification.for(createAgencyDecider({ agencyCodePattern: /^[\d.]+[A-Z]\d{2}$/ }))
        .given([])
        .when(registerAgency({ code: '999.010.01.H22', parentCode: null }))
        .then([{ type: 'AgencyRegistered', data: { ...registered.data, code: '999.010.01.H22', parentCode: null } }]);
    });
  });

  describe('when registered', () => {
    it('refuses to register it again', () => {
      spec.given([registered]).when(registerAgency()).thenThrows('ALREADY_EXISTS', { code: CODE });
    });

    it('creates a unit', () => {
      const state = spec.given([registered]).when(createUnit()).then([unitCreated]);
      expect(state).toMatchObject({ units: [{ unitId: 'unit-1', abbreviation: 'HCTC' }] });
    });

    it('refuses a unit from an ADMIN of another agency', () => {
      spec
        .given([registered])
        .when(createUnit({}, actor('ADMIN', { agencyCode: '000.00.02.H41' })))
        .thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'OTHER_AGENCY' });
    });

    it('refuses a unit from a non-ADMIN of the agency', () => {
      spec.given([registered]).when(createUnit({}, actor('LEADER'))).thenThrows('FORBIDDEN_FOR_ROLE', { reason: 'MISSING_ROLE' });
    });

    it('refuses a unit with an empty name', () => {
      spec.given([registered]).when(createUnit({ name: '' })).thenThrows('VALIDATION_FAILED', { field: 'name' });
    });

    it('refuses a command addressed to another agency stream', () => {
      spec
        .given([registered])
        .when(createUnit({ agencyCode: '000.00.09.H41' }))
        .thenThrows('VALIDATION_FAILED', { field: 'agencyCode', reason: 'STREAM_MISMATCH' });
    });
  });

  describe('when it has a unit', () => {
    it('refuses the same unit id twice', () => {
      spec.given([registered, unitCreated]).when(createUnit({ abbreviation: 'KHTC' })).thenThrows('ALREADY_EXISTS', { field: 'unitId' });
    });

    it('refuses an abbreviation already used by another unit, whatever its case', () => {
      spec
        .given([registered, unitCreated])
        .when(createUnit({ unitId: 'unit-2', abbreviation: 'hctc' }))
        .thenThrows('ALREADY_EXISTS', { field: 'abbreviation', existingUnitId: 'unit-1' });
    });

    it('creates a second unit', () => {
      spec
        .given([registered, unitCreated])
        .when(createUnit({ unitId: 'unit-2', name: 'Phòng Kế hoạch - Tài chính', abbreviation: 'KHTC' }))
        .then([
          {
            type: 'UnitCreated',
            data: { agencyCode: CODE, unitId: 'unit-2', name: 'Phòng Kế hoạch - Tài chính', abbreviation: 'KHTC', createdAt: NOW },
          },
        ]);
    });
  });
});
