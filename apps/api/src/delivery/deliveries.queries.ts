import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DeliveryStatus } from '../common/enums';
import { PG_POOL } from '../runtime/tokens';
import type { Delivery, DeliveryStatusChange } from './delivery.type';

interface DeliveryRow {
  recipient_key: string; recipient_agency_code: string | null; recipient_name: string; in_system: boolean; status: DeliveryStatus;
  exchange_code: string | null; status_at: Date | null; issued_at: Date; history: DeliveryStatusChange[];
}

/** Reads of the deliveries read model (projections/deliveries). */
@Injectable()
export class DeliveryQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The issuing agency of the outgoing document, or null when there is none with this id. */
  async issuingAgency(documentId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ agency_code: string }>(
      'SELECT agency_code FROM rm_outgoing_documents.outgoing_documents WHERE document_id = $1',
      [documentId],
    );
    return rows[0]?.agency_code ?? null;
  }

  /** Its recipients in the order of Nơi nhận; none before the document is issued. */
  async deliveries(documentId: string): Promise<Delivery[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT recipient_key, recipient_agency_code, recipient_name, in_system, status, exchange_code, status_at, issued_at, history
         FROM rm_deliveries.deliveries WHERE document_id = $1 ORDER BY ordinal`,
      [documentId],
    );
    return rows.map((row) => ({
      recipientKey: row.recipient_key,
      agencyCode: row.recipient_agency_code,
      name: row.recipient_name,
      inSystem: row.in_system,
      status: row.status,
      exchangeCode: row.exchange_code,
      statusAt: row.status_at,
      issuedAt: row.issued_at,
      history: row.history,
    }));
  }
}
