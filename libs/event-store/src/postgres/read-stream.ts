import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, EVENTS_TABLE, EventRow, toRecordedEvent } from './event-row';
import type { Queryable } from './queryable';

const LAST_REVISION = 2n ** 63n - 1n;

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
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
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
    from = BigInt(rows[rows.length - 1][3]) + (forwards ? 1n : -1n);
  }
}
