import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { defaultRegister, REGISTER_KINDS } from '@app/domain';
import { RegisterKind } from '../common/enums';
import { PG_POOL } from '../runtime/tokens';
import type { Register } from './register.type';

interface RegisterRow {
  agency_code: string; year: number; register_code: string; kind: RegisterKind; name: string;
  document_types: string[]; last_number: number; opened_at: Date | null;
}

/** Reads of the registers read model (projections/registers). */
@Injectable()
export class RegisterQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The agency's registers of the year, with the default DEN and DI ones even before their first number. */
  async registers(agencyCode: string, year: number): Promise<Register[]> {
    const { rows } = await this.pool.query<RegisterRow>(
      `SELECT agency_code, year, register_code, kind, name, document_types, last_number, opened_at
         FROM rm_registers.registers WHERE agency_code = $1 AND year = $2`,
      [agencyCode, year],
    );
    const found = rows.map((row): Register => {
      const asDefault = defaultRegister(row.kind);
      return {
        agencyCode: row.agency_code, year: row.year, code: row.register_code, kind: row.kind, name: row.name,
        documentTypes: row.document_types, lastNumber: row.last_number, isDefault: asDefault.code === row.register_code, openedAt: row.opened_at,
      };
    });
    const missingDefaults = REGISTER_KINDS.map(defaultRegister)
      .filter((d) => !found.some((r) => r.code === d.code))
      .map((d): Register => ({
        agencyCode, year, code: d.code, kind: d.kind as RegisterKind, name: d.name, documentTypes: [], lastNumber: 0, isDefault: true, openedAt: null,
      }));
    return [...found, ...missingDefaults].sort(
      (a, b) => a.kind.localeCompare(b.kind) || Number(b.isDefault) - Number(a.isDefault) || a.code.localeCompare(b.code),
    );
  }
}
