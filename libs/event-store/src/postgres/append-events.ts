import { DatabaseError } from 'pg';
import {
  AppendResult,
  ExpectedRevision,
  formatPosition,
  NewEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { DuplicateEventIdError } from './errors';
import type { Queryable } from './queryable';
import { EXPECT, SCHEMA, WRONG_EXPECTED_REVISION } from './schema';

const UNIQUE_VIOLATION = '23505';

/**
 * Appends in one statement (append_events). On a pool it is its own transaction; on a client inside
 * BEGIN it joins the caller's transaction and becomes visible when that commits. Announcing the
 * append to subscribers is the caller's job, after the commit (AppendAnnouncer).
 */
export async function appendEvents(
  db: Queryable,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  if (events.length === 0) throw new RangeError(`Stream ${streamId}: an append needs at least one event`);
  const sentinel = expectedSentinel(streamId, expected);
  try {
    const { rows } = await db.query<{ last_revision: string; last_tx_id: string; last_global_seq: string }>({
      name: 'event_store_append',
      text: `SELECT last_revision::text, last_tx_id::text, last_global_seq::text
               FROM ${SCHEMA}.append_events($1, $2, $3::jsonb)`,
      // One JSON text: cheaper on both sides than four array parameters with every quote escaped.
      values: [streamId, sentinel.toString(), JSON.stringify(events.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })))],
    });
    const [row] = rows;
    return {
      nextRevision: BigInt(row.last_revision),
      position: formatPosition(BigInt(row.last_tx_id), BigInt(row.last_global_seq)),
    };
  } catch (error) {
    throw translate(error, streamId, expected);
  }
}

function expectedSentinel(streamId: string, expected: ExpectedRevision): bigint {
  switch (expected) {
    case 'no_stream':
      return EXPECT.noStream;
    case 'any':
      return EXPECT.any;
    case 'stream_exists':
      return EXPECT.streamExists;
    default:
      if (expected < 0n) throw new RangeError(`Stream ${streamId}: expected revision must be >= 0, got ${expected}`);
      return expected;
  }
}

function translate(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof DatabaseError)) return error;
  if (error.code === WRONG_EXPECTED_REVISION) return new WrongExpectedRevisionError(streamId, expected, BigInt(error.detail ?? '-1'));
  if (error.code === UNIQUE_VIOLATION && error.constraint === 'events_event_id_key') {
    return new DuplicateEventIdError(streamId, error.detail ?? error.message);
  }
  return error;
}
