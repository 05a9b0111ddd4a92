import type { RegisterEvent } from '@app/domain';
import { REGISTER_EVENT_TYPES } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';
import type { ColumnTypes } from '../shared/recordset';
import { columnNames, recordsetColumns, recordsetParam } from '../shared/recordset';
import type { Projected, TypeHandlers } from '../shared/stream-rounds';
import { applyByType, streamRounds } from '../shared/stream-rounds';

type Of<K extends RegisterEvent['type']> = Projected<Extract<RegisterEvent, { type: K }>>;

/**
 * Registers (sổ văn bản) per agency, year and code, with their last number: `registers(agencyCode, year)`.
 * A register opened by hand has `opened_at`; a default register (DEN/DI) gets its row from its first
 * number, with `opened_at` null and no document types. The API adds the default registers that have no row.
 */
export const registersProjection: ProjectionDefinition = {
  name: 'registers',
  eventTypes: REGISTER_EVENT_TYPES,
  schema: [
    `CREATE TABLE IF NOT EXISTS registers (
       agency_code text NOT NULL,
       year integer NOT NULL,
       register_code text NOT NULL,
       kind text NOT NULL,
       name text NOT NULL,
       document_types text[] NOT NULL DEFAULT '{}',
       last_number integer NOT NULL,
       opened_at timestamptz,
       last_allocated_at timestamptz,
       revision bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (agency_code, year, register_code))`,
  ],
  handle: (event, tx) => applyRegisterEvents([event], tx),
  handleBatch: applyRegisterEvents,
};

async function applyRegisterEvents(events: readonly RecordedEvent[], tx: ProjectionTx): Promise<void> {
  for (const round of streamRounds(lastStates(events))) await applyByType(round, handlers, tx);
}

/**
 * Every register event carries the register's whole state except what only RegisterOpened says (document
 * types, opening time), so per register the last RegisterOpened and the last event of the batch suffice.
 */
function lastStates(events: readonly RecordedEvent[]): RecordedEvent[] {
  const opened = new Map<string, RecordedEvent>();
  const last = new Map<string, RecordedEvent>();
  for (const event of events) {
    if (event.type === 'RegisterOpened') opened.set(event.streamId, event);
    last.set(event.streamId, event);
  }
  return [...last.values()].flatMap((event) => {
    const openedEvent = opened.get(event.streamId);
    return openedEvent && openedEvent !== event ? [openedEvent, event] : [event];
  });
}

const KEY_COLUMNS: ColumnTypes = { agency_code: 'text', year: 'integer', register_code: 'text', kind: 'text', name: 'text' };

function keyOf({ data: d }: Of<'RegisterOpened'> | Of<'RegisterNumberAllocated'>) {
  return { agency_code: d.agencyCode, year: d.year, register_code: d.registerCode, kind: d.kind, name: d.name };
}

/** Inserts the register's row or moves it to the event's state, unless the row already reflects a later revision. */
async function upsert(columns: ColumnTypes, updated: readonly string[], rows: readonly object[], tx: ProjectionTx): Promise<void> {
  const all: ColumnTypes = { ...KEY_COLUMNS, ...columns, revision: 'bigint', updated_at: 'timestamptz' };
  const set = ['kind', 'name', ...updated, 'revision', 'updated_at'].map((name) => `${name} = EXCLUDED.${name}`).join(', ');
  await tx.query(
    `INSERT INTO registers (${columnNames(all)})
     SELECT ${columnNames(all, 'e')} FROM jsonb_to_recordset($1::jsonb) AS e(${recordsetColumns(all)})
     ON CONFLICT (agency_code, year, register_code) DO UPDATE SET ${set}
     WHERE registers.revision < EXCLUDED.revision`,
    [recordsetParam(rows)],
  );
}

const handlers: TypeHandlers<RegisterEvent> = {
  RegisterOpened: (events, tx) =>
    upsert(
      { document_types: 'text[]', last_number: 'integer', opened_at: 'timestamptz' },
      ['document_types', 'last_number', 'opened_at'],
      events.map((event) => ({
        ...keyOf(event),
        document_types: event.data.documentTypes,
        last_number: event.data.lastNumber,
        opened_at: event.data.openedAt,
        revision: event.revision,
        updated_at: event.recordedAt,
      })),
      tx,
    ),
  RegisterNumberAllocated: (events, tx) =>
    upsert(
      { last_number: 'integer', last_allocated_at: 'timestamptz' },
      ['last_number', 'last_allocated_at'],
      events.map((event) => ({
        ...keyOf(event),
        last_number: event.data.number,
        last_allocated_at: event.data.allocatedAt,
        revision: event.revision,
        updated_at: event.recordedAt,
      })),
      tx,
    ),
};
