import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { badUserInput } from '../../common/api-error';
import { Connection, decodeCursor, toConnection } from '../../common/connection';
import { Role } from '../../common/enums';
import { PG_POOL } from '../../runtime/tokens';
import { ACCESS_LOG_TABLE } from './access-log.schema';
import { AccessKind, AccessLogArgs, AccessLogEntry } from './access-log.types';

interface AccessLogRow {
  id: string;
  at: Date;
  username: string;
  full_name: string;
  roles: string[];
  agency_code: string;
  document_id: string;
  what: string;
  fields: string[];
  ip: string | null;
  user_agent: string | null;
}

/** Reads of the access log of one document, newest first (index access_log_document_newest). */
@Injectable()
export class AccessLogQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async page(args: AccessLogArgs): Promise<Connection<AccessLogEntry>> {
    const after = decodeCursor<string>(args.after);
    if (after !== undefined && !/^\d{1,19}$/.test(after)) throw badUserInput('Invalid cursor', 'after');
    const [page, count] = await Promise.all([
      this.pool.query<AccessLogRow>(
        `SELECT id::text AS id, at, username, full_name, roles, agency_code, document_id, what, fields, ip, user_agent
           FROM ${ACCESS_LOG_TABLE} WHERE document_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
          ORDER BY id DESC LIMIT $3`,
        [args.documentId, after ?? null, args.first + 1],
      ),
      this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${ACCESS_LOG_TABLE} WHERE document_id = $1`, [args.documentId]),
    ]);
    return toConnection(page.rows.map(toEntry), args.first, count.rows[0].total, (entry) => entry.id);
  }
}

function toEntry(row: AccessLogRow): AccessLogEntry {
  return {
    id: row.id,
    at: row.at,
    username: row.username,
    fullName: row.full_name,
    roles: row.roles as Role[],
    agencyCode: row.agency_code,
    documentId: row.document_id,
    what: row.what as AccessKind,
    fields: row.fields,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}
