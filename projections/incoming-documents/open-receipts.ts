import type { Pool } from 'pg';
import type { ReceiptChannel, Urgency } from '@app/domain';

/** An incoming document whose receipt deadlines still run, with what they are computed from. */
export interface OpenReceipt {
  readonly documentId: string;
  readonly receivedAt: Date;
  readonly channel: ReceiptChannel;
  readonly urgency: Urgency;
}

interface OpenReceiptRow {
  document_id: string;
  received_at: Date;
  channel: ReceiptChannel;
  urgency: Urgency;
}

/**
 * The agency's documents not yet registered, and its registered urgent ones not yet assigned (their urgency alert
 * runs until the directive), from the incoming documents read model. Paper copies are left out: their original
 * carries the obligations. For the recompute of receipt deadlines after a calendar change.
 */
export async function openReceipts(pool: Pool, agencyCode: string): Promise<OpenReceipt[]> {
  const { rows } = await pool.query<OpenReceiptRow>(
    `SELECT document_id, received_at, channel, urgency FROM rm_incoming_documents.incoming_documents
     WHERE agency_code = $1 AND paper_copy_of IS NULL
       AND (status = 'RECEIVED' OR (status IN ('REGISTERED', 'PRESENTED') AND urgency_due_at IS NOT NULL))
     ORDER BY document_id`,
    [agencyCode],
  );
  return rows.map((row) => ({ documentId: row.document_id, receivedAt: row.received_at, channel: row.channel, urgency: row.urgency }));
}
