import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { requireAnyRole, requireSameAgency } from '../shared/authorization';
import { requireText, validationFailed } from '../shared/validation';
import { AGENCY_CODE_PATTERN, isAgencyCode } from './agency-code';
import type { AgencyCommand, CreateUnit, RegisterAgency } from './agency.commands';
import type { AgencyEvent } from './agency.events';
import type { AgencyState } from './agency.state';

export interface AgencyDeciderOptions {
  /** Pattern of a mã định danh; defaults to `AGENCY_CODE_PATTERN`. */
  readonly agencyCodePattern?: RegExp;
}

export type AgencyDecider = Decider<AgencyCommand, AgencyEvent, AgencyState>;

/** The agency aggregate (stream `agency-<code>`): its registration and its units. */
export function createAgencyDecider(options: AgencyDeciderOptions = {}): AgencyDecider {
  const pattern = options.agencyCodePattern ?? AGENCY_CODE_PATTERN;

  function registerAgency(command: RegisterAgency, state: AgencyState): AgencyEvent[] {
    const { data, context } = command;
    requireAnyRole(context.actor, ['ADMIN'], command.type);
    if (!isAgencyCode(data.code, pattern)) {
      throw validationFailed('code', 'INVALID_AGENCY_CODE', `must be an agency identifier matching ${pattern.source}`, { value: data.code });
    }
    if (state.status !== 'UNREGISTERED') {
      throw new DomainError('ALREADY_EXISTS', `Agency ${data.code} is already registered`, { code: data.code });
    }
    const name = requireText(data.name, 'name', 255);
    const abbreviation = requireText(data.abbreviation, 'abbreviation', 30);
    if (data.parentCode !== null) {
      if (!isAgencyCode(data.parentCode, pattern)) {
        throw validationFailed('parentCode', 'INVALID_AGENCY_CODE', `must be null or an agency identifier matching ${pattern.source}`, {
          value: data.parentCode,
        });
      }
      if (data.parentCode === data.code) throw validationFailed('parentCode', 'SELF_PARENT', 'must differ from code');
    }
    return [
      {
        type: 'AgencyRegistered',
        data: { code: data.code, name, abbreviation, parentCode: data.parentCode, registeredAt: context.now },
      },
    ];
  }

  function createUnit(command: CreateUnit, state: AgencyState): AgencyEvent[] {
    const { data, context } = command;
    if (state.status === 'UNREGISTERED') {
      throw new DomainError('NOT_FOUND', `Agency ${data.agencyCode} is not registered`, { agencyCode: data.agencyCode });
    }
    requireSameAgency(context.actor, state.code, command.type);
    requireAnyRole(context.actor, ['ADMIN'], command.type);
    if (data.agencyCode !== state.code) {
      throw validationFailed('agencyCode', 'STREAM_MISMATCH', `does not match the agency ${state.code}`);
    }
    const unitId = requireText(data.unitId, 'unitId', 64);
    const name = requireText(data.name, 'name', 255);
    const abbreviation = requireText(data.abbreviation, 'abbreviation', 30);
    if (state.units.some((unit) => unit.unitId === unitId)) {
      throw new DomainError('ALREADY_EXISTS', `Unit ${unitId} already exists in agency ${state.code}`, { field: 'unitId', unitId });
    }
    const clash = state.units.find((unit) => unit.abbreviation.toLowerCase() === abbreviation.toLowerCase());
    if (clash) {
      throw new DomainError('ALREADY_EXISTS', `Abbreviation ${abbreviation} is already used by unit ${clash.unitId}`, {
        field: 'abbreviation',
        abbreviation,
        existingUnitId: clash.unitId,
      });
    }
    return [{ type: 'UnitCreated', data: { agencyCode: state.code, unitId, name, abbreviation, createdAt: context.now } }];
  }

  return {
    initialState: () => ({ status: 'UNREGISTERED' }),

    evolve(state, event) {
      switch (event.type) {
        case 'AgencyRegistered':
          return {
            status: 'REGISTERED',
            code: event.data.code,
            name: event.data.name,
            abbreviation: event.data.abbreviation,
            parentCode: event.data.parentCode,
            units: [],
          };
        case 'UnitCreated':
          if (state.status !== 'REGISTERED') return state;
          return {
            ...state,
            units: [...state.units, { unitId: event.data.unitId, name: event.data.name, abbreviation: event.data.abbreviation }],
          };
        default: {
          const _exhaustive: never = event;
          return _exhaustive;
        }
      }
    },

    decide(command, state) {
      switch (command.type) {
        case 'RegisterAgency':
          return registerAgency(command, state);
        case 'CreateUnit':
          return createUnit(command, state);
        default: {
          const _exhaustive: never = command;
          return _exhaustive;
        }
      }
    },
  };
}

export const agencyDecider: AgencyDecider = createAgencyDecider();
