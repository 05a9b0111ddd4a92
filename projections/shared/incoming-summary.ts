import type { IncomingDocumentEvent, IncomingStatus } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionTx } from '@app/projection-runner';
import type { ColumnTypes } from './recordset';
import { columnNames, recordset, recordsetColumns, recordsetParam } from './recordset';

/**
 * The inbox and deadlines read models keep their own summary of each incoming document in a `documents`
 * table: it gives their rows the fields to display, and its `revision` is their idempotency gate (each
 * schema is rebuilt on its own, so neither reads another read model).
 */
export const INCOMING_SUMMARY_DDL = `CREATE TABLE IF NOT EXISTS documents (
   document_id text PRIMARY KEY,
   agency_code text NOT NULL,
   subject text NOT NULL,
   code_number text NOT NULL,
   code_notation text NOT NULL,
   sender_name text NOT NULL,
   urgency text NOT NULL,
   status text NOT NULL,
   register_code text,
   year integer,
   arrival_number integer,
   revision bigint NOT NULL)`;

/** The summary columns an event can change after receipt; rows copy them and follow them. */
const CHANGING_COLUMNS = ['status', 'register_code', 'year', 'arrival_number'] as const;

/** The summary columns a row copies when it is created, as `d.<column>` of `documents d`. */
export const SUMMARY_COLUMNS = ['subject', 'code_number', 'code_notation', 'sender_name', ...CHANGING_COLUMNS] as const;

interface SummaryChange {
  readonly status?: IncomingStatus;
  readonly register_code?: string;
  readonly year?: number;
  readonly arrival_number?: number;
}

function summaryChange(event: IncomingDocumentEvent): SummaryChange {
  switch (event.type) {
    case 'IncomingDocumentReceived':
      return { status: 'RECEIVED' };
    case 'IncomingDocumentRegistered':
      return { status: 'REGISTERED', register_code: event.data.registerCode, year: event.data.year, arrival_number: event.data.arrivalNumber };
    case 'IncomingPaperCopyLinked':
      return {
        status: 'REGISTERED',
        register_code: event.data.registerCode,
        year: event.data.year,
        arrival_number: event.data.originalArrivalNumber,
      };
    case 'IncomingDocumentRejected':
      return { status: 'REJECTED' };
    case 'IncomingDocumentPresented':
      return { status: 'PRESENTED' };
    case 'IncomingDocumentAssigned':
      return { status: 'ASSIGNED' };
    case 'IncomingProcessingStarted':
      return { status: 'IN_PROGRESS' };
    case 'IncomingDocumentCompleted':
      return { status: 'COMPLETED' };
    case 'IncomingRecallRequested':
      return { status: 'RECALL_REQUESTED' };
    case 'IncomingDocumentRecalled':
      return { status: 'RECALLED' };
    case 'IncomingRecallRefused':
      return { status: event.data.restoredStatus };
    case 'IncomingAssignmentForwarded':
    case 'IncomingProgressReported':
    case 'IncomingDeadlineExtended':
    case 'IncomingReceiptDeadlinesRecomputed':
      return {};
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

const RECEIVED_COLUMNS: ColumnTypes = {
  document_id: 'text',
  agency_code: 'text',
  subject: 'text',
  code_number: 'text',
  code_notation: 'text',
  sender_name: 'text',
  urgency: 'text',
  status: 'text',
  revision: 'bigint',
};

const CHANGE_COLUMNS: ColumnTypes = {
  document_id: 'text',
  revision: 'bigint',
  status: 'text',
  register_code: 'text',
  year: 'integer',
  arrival_number: 'integer',
};

function asIncoming(event: RecordedEvent): IncomingDocumentEvent {
  return { type: event.type, data: event.data } as IncomingDocumentEvent;
}

/**
 * Moves the summaries to the events of one round (one event per document) and returns the events that
 * were new to them, in order; the others were applied before and must change nothing.
 */
export async function advanceSummaries(round: readonly RecordedEvent[], tx: ProjectionTx): Promise<RecordedEvent[]> {
  const received: object[] = [];
  const changes: object[] = [];
  for (const recorded of round) {
    const event = asIncoming(recorded);
    const revision = recorded.revision.toString();
    if (event.type === 'IncomingDocumentReceived') {
      const d = event.data;
      received.push({
        document_id: d.documentId,
        agency_code: d.agencyCode,
        subject: d.subject,
        code_number: d.codeNumber,
        code_notation: d.codeNotation,
        sender_name: d.sender.name,
        urgency: d.urgency,
        status: 'RECEIVED',
        revision,
      });
    } else {
      changes.push({ document_id: event.data.documentId, revision, ...summaryChange(event) });
    }
  }
  const fresh = new Set<string>();
  if (received.length > 0) {
    const rows = await tx.query<{ document_id: string }>(
      `INSERT INTO documents (${columnNames(RECEIVED_COLUMNS)})
       SELECT ${columnNames(RECEIVED_COLUMNS, 'e')} FROM jsonb_to_recordset($1::jsonb) AS e(${recordsetColumns(RECEIVED_COLUMNS)})
       ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
      [recordsetParam(received)],
    );
    for (const row of rows) fresh.add(row.document_id);
  }
  if (changes.length > 0) {
    const set = CHANGING_COLUMNS.map((name) => `${name} = COALESCE(e.${name}, d.${name})`).join(', ');
    const rows = await tx.query<{ document_id: string }>(
      `UPDATE documents d SET revision = e.revision, ${set}
       FROM ${recordset(recordsetColumns(CHANGE_COLUMNS))}
       WHERE d.document_id = e.document_id AND d.revision < e.revision RETURNING d.document_id`,
      [recordsetParam(changes)],
    );
    for (const row of rows) fresh.add(row.document_id);
  }
  return round.filter((event) => fresh.has(asIncoming(event).data.documentId));
}

/** Copies the changed summary columns of the documents these events changed onto the rows of `table`. */
export async function refreshSummaries(table: 'inbox_items' | 'deadlines', events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  const changed = events
    .map(asIncoming)
    .filter((event) => Object.keys(summaryChange(event)).length > 0 && event.type !== 'IncomingDocumentReceived')
    .map((event) => event.data.documentId);
  if (changed.length === 0) return;
  const set = CHANGING_COLUMNS.map((name) => `${name} = d.${name}`).join(', ');
  const tuple = (alias: string) => CHANGING_COLUMNS.map((name) => `${alias}.${name}`).join(', ');
  await tx.query(
    `UPDATE ${table} t SET ${set} FROM documents d
     WHERE t.document_id = d.document_id AND d.document_id = ANY($1::text[])
       AND (${tuple('t')}) IS DISTINCT FROM (${tuple('d')})`,
    [changed],
  );
}
