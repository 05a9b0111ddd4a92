import { Injectable } from '@nestjs/common';
import type { ForwardTarget } from '@app/domain';
import { ApiError, badUserInput } from '../common/api-error';
import { DirectoryQueries } from '../organisation/directory.queries';
import type { StaffMember } from '../organisation/organisation.types';
import type { HandlerInput } from './assignment.input';

/** Resolves the people and units named in a command against the directory of the actor's agency. */
@Injectable()
export class HandlerDirectory {
  constructor(private readonly directory: DirectoryQueries) {}

  /** An active staff member of the agency; NOT_FOUND (or BAD_USER_INPUT for a locked account) naming `field`. */
  async staffMember(agencyCode: string, username: string, field: string): Promise<StaffMember> {
    const staff = await this.directory.staffMember(username);
    if (!staff || staff.agencyCode !== agencyCode) {
      throw new ApiError('NOT_FOUND', `No staff member ${username} in agency ${agencyCode}`, { id: username, field });
    }
    if (staff.locked) throw badUserInput(`The account ${username} is locked`, field);
    return staff;
  }

  /** The person or unit as the domain records a handler; `field` prefixes the names of the input's fields. */
  async handler(agencyCode: string, input: HandlerInput, field?: string): Promise<ForwardTarget> {
    const at = (name: string) => (field ? `${field}.${name}` : name);
    if (Boolean(input.username) === Boolean(input.unitId)) {
      throw badUserInput('Name exactly one of username and unitId', field ?? at('username'));
    }
    if (input.username) {
      const staff = await this.staffMember(agencyCode, input.username, at('username'));
      return { username: staff.username, unitId: null, unitIdOfUser: staff.unitId, fullName: staff.fullName };
    }
    const unitId = input.unitId as string;
    const unit = await this.directory.unit(agencyCode, unitId);
    if (!unit) throw new ApiError('NOT_FOUND', `No unit ${unitId} in agency ${agencyCode}`, { id: unitId, field: at('unitId') });
    return { username: null, unitId: unit.id, unitIdOfUser: null, fullName: unit.name };
  }
}
