import type { DomainEvent } from '@app/domain';
import type { ProjectionTx } from '@app/projection-runner';
import type { ColumnTypes } from './recordset';
import { recordset, recordsetColumns, recordsetParam } from './recordset';
import type { Projected } from './stream-rounds';

export interface RevisionedUpdate<E extends DomainEvent> {
  /** Unqualified table name; its rows carry `revision` (of the stream they reflect) and `updated_at`. */
  readonly table: string;
  /** The columns naming the row an event updates, with the event's values. */
  readonly key: ColumnTypes;
  readonly keyOf: (event: Projected<E>) => object;
  readonly columns: ColumnTypes;
  readonly row: (event: Projected<E>) => object;
  /** Defaults to `column = e.column` for every column; `d` is the row, `e` the event's values. */
  readonly set?: string;
}

/**
 * A set-based update: one statement applies a round of events (distinct streams) to the rows they name, each
 * only where the row is behind the event's revision, so replaying events changes nothing.
 */
export function revisionedUpdate<E extends DomainEvent>(spec: RevisionedUpdate<E>): (events: readonly Projected<E>[], tx: ProjectionTx) => Promise<void> {
  const set =
    spec.set ??
    Object.keys(spec.columns)
      .map((name) => `${name} = e.${name}`)
      .join(', ');
  const matches = Object.keys(spec.key)
    .map((name) => `d.${name} = e.${name}`)
    .join(' AND ');
  const sql = `UPDATE ${spec.table} d SET ${set}, revision = e.revision, updated_at = e.recorded_at
     FROM ${recordset(`${recordsetColumns(spec.key)}, revision bigint, recorded_at timestamptz, ${recordsetColumns(spec.columns)}`)}
     WHERE ${matches} AND d.revision < e.revision`;
  return async (events, tx) => {
    const rows = events.map((event) => ({ ...spec.keyOf(event), revision: event.revision, recorded_at: event.recordedAt, ...spec.row(event) }));
    await tx.query(sql, [recordsetParam(rows)]);
  };
}
