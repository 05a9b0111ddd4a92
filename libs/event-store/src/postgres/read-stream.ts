import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, EVENTS_TABLE, EventRow, toRecordedEvent } from './event-row';
import type { Queryable } from './queryable';

const LAST_REVISION = 2n ** 63n - 1n;
/**
 * The first page of a backwards read; each next one is twice as large, up to the page size. Reading backwards is
 * looking for the latest events, and readers stop within the first few (an allocation looked up since the
 * document's signature): a full first page fetched and parsed 500 events of a year's register for each number.
 */
const FIRST_BACKWARDS_PAGE = 16;

/** Reads one stream page by page (keyset on revision), so a long stream never sits in memory whole. */
export async function* readStream(
  db: Queryable,
  streamId: string,
  options: ReadStreamOptions,
  pageSize: number,
): AsyncGenerator<RecordedEvent> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  let from = options.fromRevision ?? (forwards ? 0n : LAST_REVISION);
  let page = forwards ? pageSize : Math.min(FIRST_BACKWARDS_PAGE, pageSize);
  while (remaining > 0) {
    const limit = Math.min(page, remaining);
    const { rows } = await db.query<EventRow>({
      name: forwards ? 'event_store_read_stream_forwards' : 'event_store_read_stream_backwards',
      text: `SELECT ${EVENT_COLUMNS}, e.data, e.metadata FROM ${EVENTS_TABLE} e
              WHERE e.stream_id = $1 AND e.revision ${forwards ? '>=' : '<='} $2
              ORDER BY e.revision ${forwards ? 'ASC' : 'DESC'} LIMIT $3`,
      values: [streamId, from.toString(), limit],
      rowMode: 'array',
    });
    for (const row of rows) yield toRecordedEvent(row);
    if (rows.length < limit) return;
    remaining -= rows.length;
    page = Math.min(page * 2, pageSize);
    from = BigInt(rows[rows.length - 1][3]) + (forwards ? 1n : -1n);
  }
}
