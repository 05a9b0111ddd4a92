import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { PersonRef } from '@app/domain';
import type { Principal } from '../auth/principal';
import { badUserInput } from '../common/api-error';
import { Connection, decodeCursor, toConnection } from '../common/connection';
import { documentSummary } from '../common/document-summary';
import { AssignmentRole, IncomingStatus, Urgency } from '../common/enums';
import { PG_POOL } from '../runtime/tokens';
import type { InboxArgs, InboxItem } from './inbox.types';

interface InboxRow {
  document_id: string; assignee: string; username: string | null; unit_id: string | null; member_of_unit_id: string | null;
  full_name: string; role: AssignmentRole; instruction: string; deadline: Date; assigned_at: Date; assigned_by: PersonRef;
  urgency: Urgency; urgency_rank: number; subject: string; code_number: string; code_notation: string; sender_name: string;
  register_code: string | null; year: number | null; arrival_number: number | null; status: IncomingStatus;
}

/** Keyset of the inbox: urgency rank (FLASH first), deadline, document, assignee. */
type InboxCursor = [number, string, string, string];

const ORDER = 'urgency_rank, deadline, document_id, assignee';

/** Reads of the inbox read model (projections/inbox). */
@Injectable()
export class InboxQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * The caller's own items, plus its unit's when the caller is a UNIT_HEAD. Each source is read in order from
   * its own index (inbox_items_user, inbox_items_unit) up to the page size, then the two are merged.
   */
  async inbox(actor: Principal, args: InboxArgs, now: Date = new Date()): Promise<Connection<InboxItem>> {
    const cursor = decodeCursor<InboxCursor>(args.after);
    if (cursor && !(Array.isArray(cursor) && cursor.length === 4 && Number.isInteger(cursor[0]) && !Number.isNaN(Date.parse(cursor[1])))) {
      throw badUserInput('Invalid cursor', 'after');
    }
    const unitId = actor.roles.includes('UNIT_HEAD') ? actor.unitId : null;
    const filter = `($4::text IS NULL OR role = $4) AND ($5::text IS NULL OR urgency = $5)`;
    const params = [actor.username, actor.agencyCode, unitId, args.filter?.role ?? null, args.filter?.urgency ?? null];
    const after = `($6::int IS NULL OR (${ORDER}) > ($6, $7::timestamptz, $8::text, $9::text))`;
    const [page, count] = await Promise.all([
      this.pool.query<InboxRow>(
        `SELECT * FROM (
           (SELECT * FROM rm_inbox.inbox_items WHERE username = $1 AND ${filter} AND ${after} ORDER BY ${ORDER} LIMIT $10)
           UNION ALL
           (SELECT * FROM rm_inbox.inbox_items WHERE agency_code = $2 AND unit_id = $3 AND ${filter} AND ${after} ORDER BY ${ORDER} LIMIT $10)
         ) items ORDER BY ${ORDER} LIMIT $10`,
        [...params, ...(cursor ?? [null, null, null, null]), args.first + 1],
      ),
      this.pool.query<{ total: number }>(
        // Two counts, each inside its index (an item is a person's or a unit's, never both); an OR
        // across them would read the table.
        `SELECT (SELECT count(*) FROM rm_inbox.inbox_items WHERE username = $1 AND ${filter})::int
              + (SELECT count(*) FROM rm_inbox.inbox_items WHERE agency_code = $2 AND unit_id = $3 AND ${filter})::int AS total`,
        params,
      ),
    ]);
    const connection = toConnection(page.rows, args.first, count.rows[0].total, (row): InboxCursor => [
      row.urgency_rank, row.deadline.toISOString(), row.document_id, row.assignee,
    ]);
    return { ...connection, edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: toInboxItem(node, now) })) };
  }
}

function toInboxItem(row: InboxRow, now: Date): InboxItem {
  return {
    documentId: row.document_id,
    role: row.role,
    assignee: { username: row.username, unitId: row.unit_id, unitIdOfUser: row.member_of_unit_id, fullName: row.full_name },
    instruction: row.instruction,
    deadline: row.deadline,
    assignedAt: row.assigned_at,
    assignedBy: row.assigned_by,
    ...documentSummary(row),
    overdue: row.deadline.getTime() < now.getTime(),
  };
}
