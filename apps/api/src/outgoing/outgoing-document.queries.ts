import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { numberAndNotation } from '@app/domain';
import { searchTextPattern } from '@app/projections';
import { badUserInput } from '../common/api-error';
import { Connection, decodeCursor, toConnection } from '../common/connection';
import { DeliveryStatus, SignerCompetence } from '../common/enums';
import { DirectoryQueries } from '../organisation/directory.queries';
import { PG_POOL } from '../runtime/tokens';
import { OUTGOING_DOCUMENT_COLUMNS, OutgoingDocumentRow, toOutgoingDocument, toRecipients } from './outgoing-document.row';
import type { OutgoingDocument } from './outgoing-document.type';
import type { OutgoingRegisterArgs } from './outgoing-register.args';
import type { OutgoingRegisterEntry, RecipientReceipt } from './outgoing-register.type';

/** Keyset of the outgoing register: number, then document id. */
type RegisterCursor = [number, string];

interface ReceiptRow {
  document_id: string; recipient_key: string; recipient_name: string; status: DeliveryStatus; acknowledged_at: Date | null;
}

/** Reads of the outgoing documents read model (projections/outgoing-documents), with the deliveries' receipts. */
@Injectable()
export class OutgoingDocumentQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly directory: DirectoryQueries,
  ) {}

  async document(id: string, now: Date = new Date()): Promise<OutgoingDocument | null> {
    const { rows } = await this.pool.query<OutgoingDocumentRow>(
      `SELECT ${OUTGOING_DOCUMENT_COLUMNS} FROM rm_outgoing_documents.outgoing_documents WHERE document_id = $1`,
      [id],
    );
    return rows[0] ? toOutgoingDocument(rows[0], now) : null;
  }

  /** The register page in number order (index outgoing_documents_register). */
  async register(args: OutgoingRegisterArgs): Promise<Connection<OutgoingRegisterEntry>> {
    const cursor = decodeCursor<RegisterCursor>(args.after);
    if (cursor && !(Array.isArray(cursor) && Number.isInteger(cursor[0]) && typeof cursor[1] === 'string')) {
      throw badUserInput('Invalid cursor', 'after');
    }
    const filter = args.filter ?? {};
    const where = `agency_code = $1 AND year = $2 AND register_code = $3 AND number IS NOT NULL
       AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR urgency = $5)
       AND ($6::date IS NULL OR issued_date >= $6) AND ($7::date IS NULL OR issued_date <= $7)
       AND ($8::text IS NULL OR search_text LIKE $8)`;
    const params = [
      args.agencyCode, args.year, args.registerCode, filter.status ?? null, filter.urgency ?? null,
      filter.from ?? null, filter.to ?? null, filter.text ? searchTextPattern(filter.text) : null,
    ];
    const [page, count, [agency]] = await Promise.all([
      this.pool.query<OutgoingDocumentRow>(
        `SELECT ${OUTGOING_DOCUMENT_COLUMNS} FROM rm_outgoing_documents.outgoing_documents
          WHERE ${where} AND ($9::int IS NULL OR (number, document_id) > ($9, $10::text))
          ORDER BY number, document_id LIMIT $11`,
        [...params, cursor?.[0] ?? null, cursor?.[1] ?? null, args.first + 1],
      ),
      this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM rm_outgoing_documents.outgoing_documents WHERE ${where}`, params),
      this.directory.agencies(args.agencyCode),
    ]);
    const receipts = await this.receipts(page.rows.map((row) => row.document_id));
    const unitNames = new Map((agency?.units ?? []).map((unit) => [unit.id, unit.name]));
    return toConnection(
      page.rows.map((row) => toRegisterEntry(row, unitNames.get(row.unit_id) ?? null, receipts.get(row.document_id) ?? [])),
      args.first,
      count.rows[0].total,
      (entry): RegisterCursor => [entry.number, entry.documentId],
    );
  }

  /** Per document, the recipients that answered, with the time of their first answer. */
  private async receipts(documentIds: readonly string[]): Promise<Map<string, RecipientReceipt[]>> {
    const { rows } = await this.pool.query<ReceiptRow>(
      `SELECT document_id, recipient_key, recipient_name, status,
              (SELECT min((h ->> 'at')::timestamptz) FROM jsonb_array_elements(history) h
                WHERE h ->> 'status' NOT IN ('SENT', 'RECALL_REQUESTED')) AS acknowledged_at
         FROM rm_deliveries.deliveries WHERE document_id = ANY($1::text[]) ORDER BY document_id, ordinal`,
      [documentIds],
    );
    const byDocument = new Map<string, RecipientReceipt[]>();
    for (const row of rows) {
      if (row.acknowledged_at === null) continue;
      const list = byDocument.get(row.document_id) ?? [];
      list.push({ recipientKey: row.recipient_key, recipientName: row.recipient_name, status: row.status, acknowledgedAt: row.acknowledged_at });
      byDocument.set(row.document_id, list);
    }
    return byDocument;
  }
}

function toRegisterEntry(row: OutgoingDocumentRow, unitName: string | null, receipts: RecipientReceipt[]): OutgoingRegisterEntry {
  const { number, code_number: codeNumber, code_notation: codeNotation, issued_date: issuedDate, signer } = row;
  // The register query reads numbered documents only, and a document is numbered after it is signed.
  if (number === null || codeNumber === null || codeNotation === null || issuedDate === null || signer === null) {
    throw new Error(`Outgoing document ${row.document_id} is in the register without its number`);
  }
  return {
    documentId: row.document_id,
    number,
    numberAndNotation: numberAndNotation(codeNumber, codeNotation),
    codeNumber,
    codeNotation,
    issuedDate,
    documentTypeName: row.document_type_name,
    subject: row.subject,
    signer: { ...signer, competence: signer.competence as SignerCompetence },
    recipients: toRecipients(row.recipients),
    archiveCopy: { unitId: row.unit_id, unitName, drafter: row.drafter },
    copies: row.recipients.length,
    issuedAt: row.issued_at,
    receipts,
    note: registerNote(row),
    status: row.status,
    urgency: row.urgency,
    identifier: row.identifier,
  };
}

/** Ghi chú: what a clerk would write in the margin of the paper register. */
function registerNote(row: OutgoingDocumentRow): string {
  return [
    row.recall_reason !== null ? `Đã thu hồi: ${row.recall_reason}` : null,
    row.issued_late ? 'Phát hành muộn' : null,
    row.paper_copy ? 'Gửi kèm bản giấy' : null,
  ]
    .filter((part): part is string => part !== null)
    .join('; ');
}
