import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { badUserInput } from '../common/api-error';
import { Connection, decodeCursor, toConnection } from '../common/connection';
import { DeadlineKind, DeadlineState, IncomingStatus, Urgency } from '../common/enums';
import { PG_POOL } from '../runtime/tokens';
import { AgencyDeadlines } from '../calendar/agency-deadlines';
import type { DeadlineItem, DeadlinesArgs } from './deadlines.types';
import { leadRef } from './incoming-document.row';

interface DeadlineRow {
  document_id: string; kind: DeadlineKind; due_at: Date; lead_username: string | null; lead_unit_id: string | null;
  lead_full_name: string | null; document_deadline: Date | null; urgency: Urgency; subject: string; code_number: string;
  code_notation: string; sender_name: string; register_code: string | null; year: number | null; arrival_number: number | null;
  status: IncomingStatus;
}

/** Keyset of the deadlines list: due instant, document, kind. */
type DeadlineCursor = [string, string, string];

const ORDER = 'due_at, document_id, kind';

/** Reads of the deadlines read model (projections/deadlines). */
@Injectable()
export class DeadlineQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly deadlines: AgencyDeadlines,
  ) {}

  /**
   * The agency's open obligations by due instant (index deadlines_agency, or deadlines_lead_unit /
   * deadlines_lead_username when filtered by who answers for them).
   */
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
    const where = `agency_code = $1 AND ($2::text IS NULL OR lead_unit_id = $2) AND ($3::text IS NULL OR lead_username = $3)
       AND ($4::text IS NULL OR kind = $4) AND ($5::timestamptz IS NULL OR due_at >= $5) AND ($6::timestamptz IS NULL OR due_at < $6)`;
    const params = [args.agencyCode, filter.unitId ?? null, filter.username ?? null, filter.kind ?? null, from, before];
    const [page, count] = await Promise.all([
      this.pool.query<DeadlineRow>(
        `SELECT document_id, kind, due_at, lead_username, lead_unit_id, lead_full_name, document_deadline, urgency, subject,
                code_number, code_notation, sender_name, register_code, year, arrival_number, status
           FROM rm_deadlines.deadlines
          WHERE ${where} AND ($7::timestamptz IS NULL OR (${ORDER}) > ($7, $8::text, $9::text))
          ORDER BY ${ORDER} LIMIT $10`,
        [...params, ...(cursor ?? [null, null, null]), args.first + 1],
      ),
      this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM rm_deadlines.deadlines WHERE ${where}`, params),
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
    kind: row.kind,
    dueAt: row.due_at,
    state: due < now.getTime() ? DeadlineState.OVERDUE : due <= dueSoonLimit.getTime() ? DeadlineState.DUE_SOON : null,
    responsible: leadRef(row.lead_username, row.lead_unit_id, row.lead_full_name),
    documentDeadline: row.document_deadline,
    urgency: row.urgency,
    subject: row.subject,
    codeNumber: row.code_number,
    codeNotation: row.code_notation,
    senderName: row.sender_name,
    registerCode: row.register_code,
    year: row.year,
    arrivalNumber: row.arrival_number,
    status: row.status,
  };
}
