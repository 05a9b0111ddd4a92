import { AllFilter, GlobalPosition, parsePosition, ReadAllOptions, RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, EVENTS_TABLE, EventRow, rowPosition, toRecordedEvent } from './event-row';
import type { Queryable } from './queryable';

interface Bound {
  readonly txId: bigint;
  readonly seq: bigint;
}

const BEFORE_FIRST: Bound = { txId: 0n, seq: 0n };
const AFTER_LAST: Bound = { txId: 2n ** 64n - 1n, seq: 2n ** 63n - 1n };

/**
 * Only transactions older than every transaction still running are read. Sequence numbers are taken
 * at insert but become visible at commit, so a slow transaction can commit rows that sort before rows
 * already visible. Ordering by (tx_id, global_seq) and stopping below the oldest running transaction
 * means nothing can later appear before a position a reader has passed. The cost: a long-running
 * write transaction anywhere in the cluster holds back readers of $all until it ends.
 */
const VISIBLE = 'e.tx_id < pg_snapshot_xmin(pg_current_snapshot())';

export interface PageEntry {
  readonly position: GlobalPosition;
  /** Null when the event does not pass the filter: its position still moves the reader on. */
  readonly event: RecordedEvent | null;
}

/**
 * One page of $all after `from` (exclusive) in the reading direction. Filtering happens on the page,
 * not in the scan, so a selective filter costs at most one page of rows per query and readers still
 * advance past events they skip.
 */
export async function readAllPage(
  db: Queryable,
  from: GlobalPosition | 'start',
  forwards: boolean,
  filter: AllFilter,
  limit: number,
): Promise<PageEntry[]> {
  const bound = from === 'start' ? (forwards ? BEFORE_FIRST : AFTER_LAST) : toBound(from);
  const { rows } = await db.query<[...EventRow, matches: boolean]>({
    name: forwards ? 'event_store_read_all_forwards' : 'event_store_read_all_backwards',
    text: `SELECT ${EVENT_COLUMNS},
                  CASE WHEN m.matches THEN e.data END AS data,
                  CASE WHEN m.matches THEN e.metadata END AS metadata,
                  m.matches
             FROM ${EVENTS_TABLE} e
            CROSS JOIN LATERAL (
              SELECT ($4::text[] IS NULL OR e.type = ANY($4::text[]))
                 AND ($5::text[] IS NULL OR e.stream_id ^@ ANY($5::text[])) AS matches
            ) m
            WHERE (e.tx_id, e.global_seq) ${forwards ? '>' : '<'} ($1::xid8, $2::bigint) AND ${VISIBLE}
            ORDER BY e.tx_id ${forwards ? 'ASC' : 'DESC'}, e.global_seq ${forwards ? 'ASC' : 'DESC'}
            LIMIT $3`,
    values: [bound.txId.toString(), bound.seq.toString(), limit, filter.eventTypes ?? null, filter.streamPrefixes ?? null],
    rowMode: 'array',
  });
  return rows.map((row) => ({ position: rowPosition(row), event: row[9] ? toRecordedEvent(row) : null }));
}

/** Reads $all page by page; see VISIBLE for which events are readable. */
export async function* readAll(
  db: Queryable,
  from: GlobalPosition | 'start',
  options: ReadAllOptions,
  pageSize: number,
): AsyncGenerator<RecordedEvent> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  let cursor = from;
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const page = await readAllPage(db, cursor, forwards, options, limit);
    for (const { event } of page) {
      if (!event) continue;
      yield event;
      if (--remaining === 0) return;
    }
    if (page.length < limit) return;
    cursor = page[page.length - 1].position;
  }
}

/**
 * Whether events exist after `from` (exclusive), readable or not. Asked after a short page, in a newer
 * snapshot than the page's, it sees every event the page could not return: one held back behind an
 * older transaction, one committed since, and one that became readable in between (asking "is anything
 * held back now" misses that last one, which then waits for the next poll).
 */
export async function eventsAfter(db: Queryable, from: GlobalPosition | 'start'): Promise<boolean> {
  const bound = from === 'start' ? BEFORE_FIRST : toBound(from);
  const { rows } = await db.query({ name: 'event_store_events_after', text: EVENTS_AFTER, values: [bound.txId.toString(), bound.seq.toString()] });
  return rows.length > 0;
}

/**
 * The first key after the bound, not EXISTS: PostgreSQL drops ORDER BY and LIMIT inside EXISTS, and the generic plan
 * a prepared statement switches to after five runs guesses a third of the table matches, so it scanned the whole
 * table (every event ever stored) on each call a caught-up subscriber made. Ordered by the key, every plan walks it.
 */
export const EVENTS_AFTER = `SELECT 1 FROM ${EVENTS_TABLE} e WHERE (e.tx_id, e.global_seq) > ($1::xid8, $2::bigint)
  ORDER BY e.tx_id, e.global_seq LIMIT 1`;

export async function headPosition(db: Queryable): Promise<GlobalPosition | null> {
  const { rows } = await db.query<[txId: string, globalSeq: string]>({
    name: 'event_store_head_position',
    text: `SELECT e.tx_id::text, e.global_seq::text FROM ${EVENTS_TABLE} e
            WHERE ${VISIBLE} ORDER BY e.tx_id DESC, e.global_seq DESC LIMIT 1`,
    rowMode: 'array',
  });
  return rows.length > 0 ? rowPosition(rows[0]) : null;
}

export async function lastPosition(db: Queryable): Promise<GlobalPosition | null> {
  const { rows } = await db.query<[txId: string, globalSeq: string]>({
    name: 'event_store_last_position',
    text: `SELECT e.tx_id::text, e.global_seq::text FROM ${EVENTS_TABLE} e
            ORDER BY e.tx_id DESC, e.global_seq DESC LIMIT 1`,
    rowMode: 'array',
  });
  return rows.length > 0 ? rowPosition(rows[0]) : null;
}

function toBound(position: GlobalPosition): Bound {
  const { major, minor } = parsePosition(position);
  return { txId: major, seq: minor };
}
