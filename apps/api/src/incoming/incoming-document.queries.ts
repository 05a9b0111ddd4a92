import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { foldVietnamese } from '@app/projections';
import { badUserInput } from '../common/api-error';
import { Connection, decodeCursor, toConnection } from '../common/connection';
import { PG_POOL } from '../runtime/tokens';
import type { IncomingRegisterArgs } from './incoming-register.args';
import { INCOMING_DOCUMENT_COLUMNS, IncomingDocumentRow, toIncomingDocument } from './incoming-document.row';
import type { IncomingDocument } from './incoming-document.type';

/** Keyset of the incoming register: arrival number, then document id (a paper copy shares its original's number). */
type RegisterCursor = [number, string];

/** Reads of the incoming documents read model (projections/incoming-documents). */
@Injectable()
export class IncomingDocumentQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async document(id: string, now: Date = new Date()): Promise<IncomingDocument | null> {
    const { rows } = await this.pool.query<IncomingDocumentRow>(
      `SELECT ${INCOMING_DOCUMENT_COLUMNS} FROM rm_incoming_documents.incoming_documents WHERE document_id = $1`,
      [id],
    );
    return rows[0] ? toIncomingDocument(rows[0], now) : null;
  }

  /**
   * The register page in arrival-number order. Index incoming_documents_register carries every filtered
   * column, so the page's keys and the count come from the index alone; only the page's rows are read.
   * `search_text` is already folded, so the folded text is looked for with `strpos`: a plain substring search,
   * about twice as fast per row as `LIKE '%…%'` (which has no index to use here) and with nothing to escape.
   */
  async register(args: IncomingRegisterArgs, now: Date = new Date()): Promise<Connection<IncomingDocument>> {
    const cursor = decodeCursor<RegisterCursor>(args.after);
    if (cursor && !(Array.isArray(cursor) && Number.isInteger(cursor[0]) && typeof cursor[1] === 'string')) {
      throw badUserInput('Invalid cursor', 'after');
    }
    const filter = args.filter ?? {};
    const where = `agency_code = $1 AND year = $2 AND register_code = $3 AND arrival_number IS NOT NULL
       AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR urgency = $5)
       AND ($6::date IS NULL OR arrival_date >= $6) AND ($7::date IS NULL OR arrival_date <= $7)
       AND ($8::text IS NULL OR strpos(search_text, $8) > 0)`;
    const params = [
      args.agencyCode, args.year, args.registerCode, filter.status ?? null, filter.urgency ?? null,
      filter.from ?? null, filter.to ?? null, filter.text ? foldVietnamese(filter.text) : null,
    ];
    const [page, count] = await Promise.all([
      this.pool.query<IncomingDocumentRow>(
        `SELECT ${INCOMING_DOCUMENT_COLUMNS} FROM rm_incoming_documents.incoming_documents
          WHERE document_id = ANY (ARRAY(
            SELECT document_id FROM rm_incoming_documents.incoming_documents
             WHERE ${where} AND ($9::int IS NULL OR (arrival_number, document_id) > ($9, $10::text))
             ORDER BY arrival_number, document_id LIMIT $11))
          ORDER BY arrival_number, document_id`,
        [...params, cursor?.[0] ?? null, cursor?.[1] ?? null, args.first + 1],
      ),
      this.pool.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM rm_incoming_documents.incoming_documents WHERE ${where}`,
        params,
      ),
    ]);
    return toConnection(
      page.rows.map((row) => toIncomingDocument(row, now)),
      args.first,
      count.rows[0].total,
      (document): RegisterCursor => [document.arrivalNumber as number, document.id],
    );
  }
}
