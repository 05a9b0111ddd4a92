import { formatPosition, GlobalPosition, JsonObject, RecordedEvent } from '../event-store.port';
import { SCHEMA } from './schema';

/** Numbers come back as text: exact, and immune to type parsers installed elsewhere in the process. */
export interface EventRow {
  readonly tx_id: string;
  readonly global_seq: string;
  readonly stream_id: string;
  readonly revision: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recorded_at: Date;
}

export const EVENT_COLUMNS = `e.tx_id::text AS tx_id, e.global_seq::text AS global_seq, e.stream_id,
  e.revision::text AS revision, e.event_id::text AS event_id, e.type, e.recorded_at`;

export const EVENTS_TABLE = `${SCHEMA}.events`;

export function rowPosition(row: Pick<EventRow, 'tx_id' | 'global_seq'>): GlobalPosition {
  return formatPosition(BigInt(row.tx_id), BigInt(row.global_seq));
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: rowPosition(row),
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
