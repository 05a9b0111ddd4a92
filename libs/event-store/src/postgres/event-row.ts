import { formatPosition, GlobalPosition, JsonObject, RecordedEvent } from '../event-store.port';
import { SCHEMA } from './schema';

/**
 * An event as the store's reads select it (EVENT_COLUMNS), read with `rowMode: 'array'`: no object is built
 * per row. Numbers come back as text: exact, and immune to type parsers installed elsewhere in the process.
 */
export type EventRow = readonly [
  txId: string,
  globalSeq: string,
  streamId: string,
  revision: string,
  eventId: string,
  type: string,
  recordedAt: Date,
  data: JsonObject,
  metadata: JsonObject,
];

/** EventRow's columns; `data` and `metadata` are left to each read, which may select them conditionally. */
export const EVENT_COLUMNS = `e.tx_id::text, e.global_seq::text, e.stream_id, e.revision::text, e.event_id::text, e.type, e.recorded_at`;

export const EVENTS_TABLE = `${SCHEMA}.events`;

/** A position from a row that starts with tx_id and global_seq as text. */
export function rowPosition(row: readonly [txId: string, globalSeq: string, ...rest: unknown[]]): GlobalPosition {
  return formatPosition(BigInt(row[0]), BigInt(row[1]));
}

export function toRecordedEvent(row: readonly [...EventRow, ...unknown[]]): RecordedEvent {
  return {
    streamId: row[2],
    revision: BigInt(row[3]),
    position: rowPosition(row),
    eventId: row[4],
    type: row[5],
    data: row[7],
    metadata: row[8],
    recordedAt: row[6],
  };
}
