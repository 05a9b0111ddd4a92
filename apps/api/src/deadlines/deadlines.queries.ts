import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { AgencyDeadlines } from '@app/agency-calendars';
import { badUserInput } from '../common/api-error';
import { Connection, decodeCursor, toConnection } from '../common/connection';
import { documentSummary } from '../common/document-summary';
import { DeadlineKind, DeadlineState, DocumentKind, IncomingStatus, OutgoingStatus, Urgency } from '../common/enums';
import { leadRef } from '../incoming/incoming-document.row';
import { AWAITING_ISSUE } from '../outgoing/outgoing-document.row';
import { PG_POOL } from '../runtime/tokens';
import type { DeadlineItem, DeadlinesArgs } from './deadlines.types';

interface DeadlineRow {
  document_kind: DocumentKind; document_id: string; kind: DeadlineKind; due_at: Date; lead_username: string | null;
  lead_unit_id: string | null; lead_full_name: string | null; document_deadline: Date | null; urgency: Urgency; subject: string;
  code_number: string | null; code_notation: string | null; sender_name: string | null; register_code: string | null;
  year: number | null; arrival_number: number | null; status: IncomingStatus | null; outgoing_status: OutgoingStatus | null;
}

/** Keyset of the deadlines list: due instant, document, kind. */
type DeadlineCursor = [string, string, string];

const ORDER = 'due_at, document_id, kind';

/**
 * Parameters: $1 agency, $2 unit, $3 username, $4 kind, $5 due from (included), $6 due before; $7..$9 the cursor.
 * Incoming obligations come from the deadlines read model (index deadlines_agency, or deadlines_lead_unit /
 * deadlines_lead_username when filtered by who answers for them).
 */
const INCOMING = `SELECT 'INCOMING' AS document_kind, document_id, kind, due_at, lead_username, lead_unit_id, lead_full_name,
    document_deadline, urgency, subject, code_number, code_notation, sender_name, register_code, year, arrival_number, status,
    NULL AS outgoing_status
  FROM rm_deadlines.deadlines
  WHERE agency_code = $1 AND ($2::text IS NULL OR lead_unit_id = $2) AND ($3::text IS NULL OR lead_username = $3)
    AND ($4::text IS NULL OR kind = $4) AND ($5::timestamptz IS NULL OR due_at >= $5) AND ($6::timestamptz IS NULL OR due_at < $6)`;

/**
 * A signed outgoing document not issued yet must be issued by its issueDueAt: an obligation of the agency's clerks,
 * so no person answers for it (a username filter leaves it out) and the drafting unit stands for the unit.
 * Index outgoing_documents_awaiting_issue, whose predicate is this status list.
 */
const OUTGOING = `SELECT 'OUTGOING' AS document_kind, document_id, 'ISSUE' AS kind, issue_due_at AS due_at, NULL AS lead_username,
    unit_id AS lead_unit_id, NULL AS lead_full_name, NULL::timestamptz AS document_deadline, urgency, subject, code_number,
    code_notation, NULL AS sender_name, register_code, year, NULL::integer AS arrival_number, NULL AS status, status AS outgoing_status
  FROM rm_outgoing_documents.outgoing_documents
  WHERE agency_code = $1 AND status IN (${AWAITING_ISSUE.map((status) => `'${status}'`).join(', ')})
    AND ($2::text IS NULL OR unit_id = $2) AND $3::text IS NULL AND ($4::text IS NULL OR $4 = 'ISSUE')
    AND ($5::timestamptz IS NULL OR issue_due_at >= $5) AND ($6::timestamptz IS NULL OR issue_due_at < $6)`;

/** The rows after the cursor ($7..$9), in the key (due instant, document, kind) as the branch's columns spell it. */
const afterCursor = (dueAt: string, kind: string) => `($7::timestamptz IS NULL OR (${dueAt}, document_id, ${kind}) > ($7, $8::text, $9::text))`;

/** Reads of the agency's open obligations, incoming and outgoing, by due instant. */
@Injectable()
export class DeadlineQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly deadlines: AgencyDeadlines,
  ) {}

  async deadlinesOf(args: DeadlinesArgs, now: Date = new Date()): Promise<Connection<DeadlineItem>> {
    const cursor = decodeCursor<DeadlineCursor>(args.after);
    if (cursor && !(Array.isArray(cursor) && cursor.length === 3 && !Number.isNaN(Date.parse(cursor[0])))) {
      throw badUserInput('Invalid cursor', 'after');
    }
    const dueSoonLimit = new Date(this.deadlines.dueSoonLimit(args.agencyCode, now));
    const filter = args.filter ?? {};
    // OVERDUE: due before now. DUE_SOON: due from now up to the limit included (deadlines fall on a session's end).
    const [from, before] =
      filter.state === DeadlineState.OVERDUE
        ? [null, now]
        : filter.state === DeadlineState.DUE_SOON
          ? [now, new Date(dueSoonLimit.getTime() + 1)]
          : [null, null];
    const params = [args.agencyCode, filter.unitId ?? null, filter.username ?? null, filter.kind ?? null, from, before];
    // Each branch reads its first page in key order, so the union merges two short index scans.
    const incoming = `(${INCOMING} AND ${afterCursor('due_at', 'kind')} ORDER BY ${ORDER} LIMIT $10)`;
    const outgoing = `(${OUTGOING} AND ${afterCursor('issue_due_at', `'ISSUE'`)} ORDER BY ${ORDER} LIMIT $10)`;
    const [page, count] = await Promise.all([
      this.pool.query<DeadlineRow>(
        `${incoming} UNION ALL ${outgoing} ORDER BY ${ORDER} LIMIT $10`,
        [...params, ...(cursor ?? [null, null, null]), args.first + 1],
      ),
      this.pool.query<{ total: number }>(
        `SELECT (SELECT count(*) FROM (${INCOMING}) i)::int + (SELECT count(*) FROM (${OUTGOING}) o)::int AS total`,
        params,
      ),
    ]);
    const connection = toConnection(page.rows, args.first, count.rows[0].total, (row): DeadlineCursor => [
      row.due_at.toISOString(), row.document_id, row.kind,
    ]);
    return {
      ...connection,
      edges: connection.edges.map(({ cursor: edgeCursor, node }) => ({ cursor: edgeCursor, node: toDeadlineItem(node, now, dueSoonLimit) })),
    };
  }
}

function toDeadlineItem(row: DeadlineRow, now: Date, dueSoonLimit: Date): DeadlineItem {
  const due = row.due_at.getTime();
  return {
    documentId: row.document_id,
    documentKind: row.document_kind,
    kind: row.kind,
    dueAt: row.due_at,
    state: due < now.getTime() ? DeadlineState.OVERDUE : due <= dueSoonLimit.getTime() ? DeadlineState.DUE_SOON : null,
    responsible: leadRef(row.lead_username, row.lead_unit_id, row.lead_full_name),
    documentDeadline: row.document_deadline,
    ...documentSummary(row),
    outgoingStatus: row.outgoing_status,
  };
}
