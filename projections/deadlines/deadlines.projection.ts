import type { IncomingDocumentEvent } from '@app/domain';
import { INCOMING_DOCUMENT_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';
import { advanceSummaries, INCOMING_SUMMARY_DDL, refreshSummaries, SUMMARY_COLUMNS } from '../shared/incoming-summary';
import { leadAssignee, leadColumns } from '../shared/lead';
import type { ColumnTypes } from '../shared/recordset';
import { columnNames, recordset, recordsetColumns, recordsetParam } from '../shared/recordset';
import type { Projected, TypeHandlers } from '../shared/stream-rounds';
import { applyByType, streamRounds } from '../shared/stream-rounds';

type Of<K extends IncomingDocumentEvent['type']> = Projected<Extract<IncomingDocumentEvent, { type: K }>>;

/** REGISTRATION: register and forward; URGENCY: an urgent document awaits its directive; PROCESSING: the lead's deadline. */
export type DeadlineKind = 'REGISTRATION' | 'URGENCY' | 'PROCESSING';

/**
 * Open obligations with a due instant, per agency (`deadlines`): OVERDUE is `due_at < now`, DUE_SOON is
 * `now <= due_at < boundary` (the API computes the boundary, one working day ahead, with the calendar).
 * A row disappears when its obligation is met: registration (or a paper-copy link), assignment,
 * completion, recall or rejection. `lead_unit_id` is the unit answerable (the lead unit, or the lead person's unit).
 */
export const deadlinesProjection: ProjectionDefinition = {
  name: 'deadlines',
  eventTypes: INCOMING_DOCUMENT_EVENT_TYPES,
  schema: [
    INCOMING_SUMMARY_DDL,
    `CREATE TABLE IF NOT EXISTS deadlines (
       document_id text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('REGISTRATION', 'URGENCY', 'PROCESSING')),
       agency_code text NOT NULL,
       due_at timestamptz NOT NULL,
       lead_username text,
       lead_unit_id text,
       lead_full_name text,
       document_deadline timestamptz,
       urgency text NOT NULL,
       subject text NOT NULL,
       code_number text NOT NULL,
       code_notation text NOT NULL,
       sender_name text NOT NULL,
       register_code text,
       year integer,
       arrival_number integer,
       status text NOT NULL,
       PRIMARY KEY (document_id, kind))`,
    `CREATE INDEX IF NOT EXISTS deadlines_agency ON deadlines (agency_code, due_at, document_id, kind)`,
    `CREATE INDEX IF NOT EXISTS deadlines_lead_username ON deadlines (agency_code, lead_username, due_at, document_id, kind)`,
    `CREATE INDEX IF NOT EXISTS deadlines_lead_unit ON deadlines (agency_code, lead_unit_id, due_at, document_id, kind)`,
  ],
  handle: (event, tx) => applyDeadlineEvents([event], tx),
  handleBatch: applyDeadlineEvents,
};

async function applyDeadlineEvents(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  for (const round of streamRounds(events)) {
    const fresh = await advanceSummaries(round, tx);
    await applyByType(fresh, handlers, tx);
    await refreshSummaries('deadlines', fresh, tx);
  }
}

const ROW_COLUMNS: ColumnTypes = {
  document_id: 'text',
  kind: 'text',
  due_at: 'timestamptz',
  lead_username: 'text',
  lead_unit_id: 'text',
  lead_full_name: 'text',
  document_deadline: 'timestamptz',
};

interface DeadlineRow {
  readonly document_id: string;
  readonly kind: DeadlineKind;
  readonly due_at: string;
  readonly lead_username: string | null;
  readonly lead_unit_id: string | null;
  readonly lead_full_name: string | null;
  readonly document_deadline: string | null;
}

/** Inserts rows with the document's summary; an existing row of the same kind takes the new values. */
async function upsertRows(rows: readonly DeadlineRow[], tx: ProjectionTx): Promise<void> {
  if (rows.length === 0) return;
  const summary = SUMMARY_COLUMNS.map((name) => `d.${name}`).join(', ');
  const set = Object.keys(ROW_COLUMNS)
    .filter((name) => name !== 'document_id' && name !== 'kind')
    .map((name) => `${name} = EXCLUDED.${name}`)
    .join(', ');
  await tx.query(
    `INSERT INTO deadlines (${columnNames(ROW_COLUMNS)}, agency_code, urgency, ${SUMMARY_COLUMNS.join(', ')})
     SELECT ${columnNames(ROW_COLUMNS, 'e')}, d.agency_code, d.urgency, ${summary}
     FROM ${recordset(recordsetColumns(ROW_COLUMNS))} JOIN documents d USING (document_id)
     ON CONFLICT (document_id, kind) DO UPDATE SET ${set}`,
    [recordsetParam(rows)],
  );
}

/** Deletes the rows of these kinds (all kinds when none are named) of the events' documents. */
function meet(...kinds: DeadlineKind[]) {
  return async (events: readonly Projected<IncomingDocumentEvent>[], tx: ProjectionTx): Promise<void> => {
    const ids = events.map((event) => event.data.documentId);
    if (kinds.length === 0) await tx.query('DELETE FROM deadlines WHERE document_id = ANY($1::text[])', [ids]);
    else await tx.query('DELETE FROM deadlines WHERE document_id = ANY($1::text[]) AND kind = ANY($2::text[])', [ids, kinds]);
  };
}

const noLead = { lead_username: null, lead_unit_id: null, lead_full_name: null };

async function receive(events: readonly Of<'IncomingDocumentReceived'>[], tx: ProjectionTx): Promise<void> {
  const rows = events.flatMap(({ data: d }): DeadlineRow[] => [
    { document_id: d.documentId, kind: 'REGISTRATION', due_at: d.registrationDueAt, ...noLead, document_deadline: null },
    ...(d.urgencyDueAt === null
      ? []
      : [{ document_id: d.documentId, kind: 'URGENCY' as const, due_at: d.urgencyDueAt, ...noLead, document_deadline: null }]),
  ]);
  await upsertRows(rows, tx);
}

/** The urgent document now waits on the leader it was presented to. */
async function present(events: readonly Of<'IncomingDocumentPresented'>[], tx: ProjectionTx): Promise<void> {
  const rows = events.map(({ data: d }) => ({ document_id: d.documentId, username: d.leader.username, full_name: d.leader.fullName }));
  await tx.query(
    `UPDATE deadlines t SET lead_username = e.username, lead_unit_id = NULL, lead_full_name = e.full_name
     FROM ${recordset('document_id text, username text, full_name text')}
     WHERE t.document_id = e.document_id AND t.kind = 'URGENCY'`,
    [recordsetParam(rows)],
  );
}

async function assign(events: readonly Of<'IncomingDocumentAssigned'>[], tx: ProjectionTx): Promise<void> {
  await meet('URGENCY')(events, tx);
  const rows = events.map(({ data: d }): DeadlineRow => {
    const lead = leadAssignee(d.assignees);
    return {
      document_id: d.documentId,
      kind: 'PROCESSING',
      due_at: lead?.deadline ?? d.deadline,
      ...leadColumns(lead),
      document_deadline: d.deadline,
    };
  });
  await upsertRows(rows, tx);
}

/** Moves the PROCESSING row of each document: `set` over the recordset columns `e.*`. */
async function updateProcessing(columns: ColumnTypes, set: string, rows: readonly object[], tx: ProjectionTx): Promise<void> {
  await tx.query(
    `UPDATE deadlines t SET ${set}
     FROM ${recordset(`document_id text, ${recordsetColumns(columns)}`)}
     WHERE t.document_id = e.document_id AND t.kind = 'PROCESSING'`,
    [recordsetParam(rows)],
  );
}

const forward = (events: readonly Of<'IncomingAssignmentForwarded'>[], tx: ProjectionTx) =>
  updateProcessing(
    { due_at: 'timestamptz', lead_username: 'text', lead_unit_id: 'text', lead_full_name: 'text' },
    'due_at = e.due_at, lead_username = e.lead_username, lead_unit_id = e.lead_unit_id, lead_full_name = e.lead_full_name',
    events.map(({ data: d }) => ({ document_id: d.documentId, due_at: d.deadline, ...leadColumns(d.to) })),
    tx,
  );

const extend = (events: readonly Of<'IncomingDeadlineExtended'>[], tx: ProjectionTx) =>
  updateProcessing(
    { due_at: 'timestamptz', document_deadline: 'timestamptz' },
    'due_at = e.due_at, document_deadline = e.document_deadline',
    events.map(({ data: d }) => ({ document_id: d.documentId, due_at: d.leadDeadline, document_deadline: d.deadline })),
    tx,
  );

/** A changed working calendar moved the receipt instants: the REGISTRATION and URGENCY rows still open follow them. */
async function recompute(events: readonly Of<'IncomingReceiptDeadlinesRecomputed'>[], tx: ProjectionTx): Promise<void> {
  const rows = events.flatMap(({ data: d }) => [
    { document_id: d.documentId, kind: 'REGISTRATION', due_at: d.registrationDueAt },
    ...(d.urgencyDueAt === null ? [] : [{ document_id: d.documentId, kind: 'URGENCY', due_at: d.urgencyDueAt }]),
  ]);
  await tx.query(
    `UPDATE deadlines t SET due_at = e.due_at
     FROM ${recordset('document_id text, kind text, due_at timestamptz')}
     WHERE t.document_id = e.document_id AND t.kind = e.kind`,
    [recordsetParam(rows)],
  );
}

/** Events that meet no obligation and move no due instant; the summary refresh carries their status. */
const unchanged = async (): Promise<void> => undefined;

const handlers: TypeHandlers<IncomingDocumentEvent> = {
  IncomingDocumentReceived: receive,
  IncomingDocumentRegistered: meet('REGISTRATION'),
  // A linked paper copy is registered under its original's number; the original's handling covers its urgency.
  IncomingPaperCopyLinked: meet(),
  IncomingDocumentRejected: meet(),
  IncomingDocumentPresented: present,
  IncomingDocumentAssigned: assign,
  IncomingAssignmentForwarded: forward,
  IncomingDeadlineExtended: extend,
  IncomingReceiptDeadlinesRecomputed: recompute,
  IncomingProcessingStarted: unchanged,
  IncomingProgressReported: unchanged,
  IncomingRecallRequested: unchanged,
  IncomingRecallRefused: unchanged,
  IncomingDocumentCompleted: meet(),
  IncomingDocumentRecalled: meet(),
};
