import type { Assignee, Handler, IncomingDocumentEvent, PersonRef, Urgency } from '@app/domain';
import { INCOMING_DOCUMENT_EVENT_TYPES, urgencyRank } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';
import { advanceSummaries, INCOMING_SUMMARY_DDL, refreshSummaries, SUMMARY_COLUMNS } from '../shared/incoming-summary';
import type { ColumnTypes } from '../shared/recordset';
import { columnNames, recordset, recordsetColumns, recordsetParam } from '../shared/recordset';
import type { Projected, TypeHandlers } from '../shared/stream-rounds';
import { applyByType, streamRounds } from '../shared/stream-rounds';

type Of<K extends IncomingDocumentEvent['type']> = Projected<Extract<IncomingDocumentEvent, { type: K }>>;

/**
 * Open assignments (`myInbox`): one row per document and assignee (a person by `username`, or a unit by
 * `unit_id`) while the document is being handled. A forward moves the LEAD row to the new lead; completion,
 * recall and rejection delete the document's rows, so the table holds open work only and stays small.
 * Rows copy the document's summary for display and sort by urgency rank (FLASH 0 … NORMAL 3), then deadline.
 */
export const inboxProjection: ProjectionDefinition = {
  name: 'inbox',
  eventTypes: INCOMING_DOCUMENT_EVENT_TYPES,
  schema: [
    INCOMING_SUMMARY_DDL,
    `CREATE TABLE IF NOT EXISTS inbox_items (
       document_id text NOT NULL,
       assignee text GENERATED ALWAYS AS (COALESCE('user:' || username, 'unit:' || unit_id)) STORED,
       agency_code text NOT NULL,
       username text,
       unit_id text,
       member_of_unit_id text,
       full_name text NOT NULL,
       role text NOT NULL,
       instruction text NOT NULL,
       deadline timestamptz NOT NULL,
       assigned_at timestamptz NOT NULL,
       assigned_by jsonb NOT NULL,
       urgency text NOT NULL,
       urgency_rank smallint NOT NULL,
       subject text NOT NULL,
       code_number text NOT NULL,
       code_notation text NOT NULL,
       sender_name text NOT NULL,
       register_code text,
       year integer,
       arrival_number integer,
       status text NOT NULL,
       PRIMARY KEY (document_id, assignee),
       CHECK ((username IS NULL) <> (unit_id IS NULL)))`,
    // myInbox of a person, and of a unit (unit ids are unique inside an agency only): urgent first, then by
    // deadline; document_id and assignee complete the keyset, so a page is read in index order without a sort.
    // role and urgency (the inbox filters) are included so a filtered count is an index-only scan.
    `CREATE INDEX IF NOT EXISTS inbox_items_user
       ON inbox_items (username, urgency_rank, deadline, document_id, assignee) INCLUDE (role, urgency)
       WHERE username IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS inbox_items_unit
       ON inbox_items (agency_code, unit_id, urgency_rank, deadline, document_id, assignee) INCLUDE (role, urgency)
       WHERE unit_id IS NOT NULL`,
  ],
  handle: (event, tx) => applyInboxEvents([event], tx),
  handleBatch: applyInboxEvents,
};

async function applyInboxEvents(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  for (const round of streamRounds(events)) {
    const fresh = await advanceSummaries(round, tx);
    await applyByType(fresh, handlers, tx);
    await refreshSummaries('inbox_items', fresh, tx);
  }
}

const ITEM_COLUMNS: ColumnTypes = {
  document_id: 'text',
  username: 'text',
  unit_id: 'text',
  member_of_unit_id: 'text',
  full_name: 'text',
  role: 'text',
  instruction: 'text',
  deadline: 'timestamptz',
  assigned_at: 'timestamptz',
  assigned_by: 'jsonb',
  urgency: 'text',
  urgency_rank: 'smallint',
};

interface ItemRow {
  readonly document_id: string;
  readonly username: string | null;
  readonly unit_id: string | null;
  readonly member_of_unit_id: string | null;
  readonly full_name: string;
  readonly role: string;
  readonly instruction: string;
  readonly deadline: string;
  readonly assigned_at: string;
  readonly assigned_by: PersonRef;
  readonly urgency: Urgency;
  readonly urgency_rank: number;
}

function itemRow(
  documentId: string,
  handler: Handler,
  work: { role: string; instruction: string; deadline: string; at: string; by: PersonRef; urgency: Urgency },
): ItemRow {
  return {
    document_id: documentId,
    username: handler.username,
    unit_id: handler.unitId,
    member_of_unit_id: handler.unitIdOfUser,
    full_name: handler.fullName,
    role: work.role,
    instruction: work.instruction,
    deadline: work.deadline,
    assigned_at: work.at,
    assigned_by: work.by,
    urgency: work.urgency,
    urgency_rank: urgencyRank(work.urgency),
  };
}

/** Inserts items with the document's summary; `onConflict` decides what an existing row of the assignee becomes. */
async function insertItems(rows: readonly ItemRow[], onConflict: string, tx: ProjectionTx): Promise<void> {
  if (rows.length === 0) return;
  const summary = SUMMARY_COLUMNS.map((name) => `d.${name}`).join(', ');
  await tx.query(
    `INSERT INTO inbox_items (${columnNames(ITEM_COLUMNS)}, agency_code, ${SUMMARY_COLUMNS.join(', ')})
     SELECT ${columnNames(ITEM_COLUMNS, 'e')}, d.agency_code, ${summary}
     FROM ${recordset(recordsetColumns(ITEM_COLUMNS))} JOIN documents d USING (document_id)
     ON CONFLICT (document_id, assignee) ${onConflict}`,
    [recordsetParam(rows)],
  );
}

async function closeAll(events: readonly Projected<IncomingDocumentEvent>[], tx: ProjectionTx): Promise<void> {
  await tx.query('DELETE FROM inbox_items WHERE document_id = ANY($1::text[])', [events.map((event) => event.data.documentId)]);
}

/** The directive's lines, the LEAD first, each assignee once (a line naming an assignee again is ignored). */
function directiveLines(assignees: readonly Assignee[]): Assignee[] {
  const seen = new Set<string>();
  const lines: Assignee[] = [];
  for (const line of [...assignees].sort((a, b) => Number(b.role === 'LEAD') - Number(a.role === 'LEAD'))) {
    const key = line.username === null ? `unit:${line.unitId}` : `user:${line.username}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return lines;
}

async function assign(events: readonly Of<'IncomingDocumentAssigned'>[], tx: ProjectionTx): Promise<void> {
  // A new directive replaces the previous one.
  await closeAll(events, tx);
  const rows = events.flatMap(({ data: d }) =>
    directiveLines(d.assignees).map((line) =>
      itemRow(d.documentId, line, {
        role: line.role,
        instruction: d.instruction,
        deadline: line.deadline,
        at: d.assignedAt,
        by: d.assignedBy,
        urgency: d.urgency,
      }),
    ),
  );
  await insertItems(rows, 'DO NOTHING', tx);
}

async function forward(events: readonly Of<'IncomingAssignmentForwarded'>[], tx: ProjectionTx): Promise<void> {
  await tx.query(`DELETE FROM inbox_items WHERE document_id = ANY($1::text[]) AND role = 'LEAD'`, [
    events.map((event) => event.data.documentId),
  ]);
  const rows = events.map(({ data: d }) =>
    itemRow(d.documentId, d.to, {
      role: 'LEAD',
      instruction: d.instruction,
      deadline: d.deadline,
      at: d.forwardedAt,
      by: d.forwardedBy,
      urgency: d.urgency,
    }),
  );
  // The new lead may already co-operate on the document: that row becomes the LEAD row.
  const takeOver = ['role', 'instruction', 'deadline', 'assigned_at', 'assigned_by', 'urgency', 'urgency_rank']
    .map((name) => `${name} = EXCLUDED.${name}`)
    .join(', ');
  await insertItems(rows, `DO UPDATE SET ${takeOver}`, tx);
}

/**
 * The LEAD row takes the lead's new deadline; other rows whose deadline was the document's previous
 * deadline (the directive gave them none of their own) follow the document's new one.
 */
async function extend(events: readonly Of<'IncomingDeadlineExtended'>[], tx: ProjectionTx): Promise<void> {
  const rows = events.map(({ data: d }) => ({
    document_id: d.documentId,
    previous_deadline: d.previousDeadline,
    deadline: d.deadline,
    lead_deadline: d.leadDeadline,
  }));
  await tx.query(
    `UPDATE inbox_items i SET deadline = CASE WHEN i.role = 'LEAD' THEN e.lead_deadline ELSE e.deadline END
     FROM ${recordset('document_id text, previous_deadline timestamptz, deadline timestamptz, lead_deadline timestamptz')}
     WHERE i.document_id = e.document_id AND (i.role = 'LEAD' OR i.deadline = e.previous_deadline)`,
    [recordsetParam(rows)],
  );
}

/** Events that change no assignment; the summary refresh carries their status and number onto the rows. */
const unchanged = async (): Promise<void> => undefined;

const handlers: TypeHandlers<IncomingDocumentEvent> = {
  IncomingDocumentReceived: unchanged,
  IncomingDocumentRegistered: unchanged,
  IncomingPaperCopyLinked: unchanged,
  IncomingDocumentPresented: unchanged,
  IncomingProcessingStarted: unchanged,
  IncomingProgressReported: unchanged,
  IncomingRecallRequested: unchanged,
  IncomingRecallRefused: unchanged,
  // Inbox items are assignments; receipt instants move only before the directive.
  IncomingReceiptDeadlinesRecomputed: unchanged,
  IncomingDocumentAssigned: assign,
  IncomingAssignmentForwarded: forward,
  IncomingDeadlineExtended: extend,
  IncomingDocumentCompleted: closeAll,
  IncomingDocumentRecalled: closeAll,
  IncomingDocumentRejected: closeAll,
};
