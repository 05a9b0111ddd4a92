import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ApiError } from '../common/api-error';
import { DirectoryQueries } from '../organisation/directory.queries';
import type { Agency } from '../organisation/organisation.types';
import { PG_POOL } from '../runtime/tokens';

/** What numbering and issuing need to know of agencies: names, abbreviations, and which agencies are in this system. */
@Injectable()
export class AgencyDirectory {
  constructor(
    private readonly directory: DirectoryQueries,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** The agency with its units; NOT_FOUND naming `field` when the directory has none with this code. */
  async agency(code: string, field = 'agencyCode'): Promise<Agency> {
    const [agency] = await this.directory.agencies(code);
    if (!agency) throw new ApiError('NOT_FOUND', `No agency ${code} in the directory`, { id: code, field });
    return agency;
  }

  /** The codes among `codes` that are agencies of this system (they receive liên thông documents). */
  async inSystem(codes: readonly string[]): Promise<string[]> {
    const { rows } = await this.pool.query<{ code: string }>('SELECT code FROM rm_directory.agencies WHERE code = ANY($1::text[])', [codes]);
    return rows.map((row) => row.code);
  }
}
