import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { DirectoryQueries } from '../organisation/directory.queries';
import type { Agency } from '../organisation/organisation.types';

/** What numbering and issuing need to know of agencies: names, abbreviations, and which agencies are in this system. */
@Injectable()
export class AgencyDirectory {
  constructor(private readonly directory: DirectoryQueries) {}

  /** The agency with its units; NOT_FOUND naming `field` when the directory has none with this code. */
  async agency(code: string, field = 'agencyCode'): Promise<Agency> {
    const [agency] = await this.directory.agencies(code);
    if (!agency) throw new ApiError('NOT_FOUND', `No agency ${code} in the directory`, { id: code, field });
    return agency;
  }

  /** The codes among `codes` that are agencies of this system (they receive liên thông documents). */
  inSystem(codes: readonly string[]): Promise<string[]> {
    return this.directory.agencyCodesIn(codes);
  }
}
