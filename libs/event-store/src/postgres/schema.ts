import type { Pool } from 'pg';

export const SCHEMA = 'event_store';
/** LISTEN/NOTIFY channel announcing committed appends (see append-announcer.ts). */
export const CHANNEL = 'event_store_appended';

/** Sentinels passed to append_events for the symbolic expected revisions. */
export const EXPECT = { noStream: -1n, any: -2n, streamExists: -3n } as const;
/** SQLSTATE append_events raises when the expected revision does not hold; DETAIL is the actual one. */
export const WRONG_EXPECTED_REVISION = 'ES409';
/** SQLSTATE append_events raises when its transaction has written before. */
export const APPEND_NOT_FIRST_WRITE = 'ES001';
/** First key of the event store's advisory locks (the second is the stream id's hash): "ES" in ASCII. */
const LOCK_NAMESPACE = 0x4553;

const TABLES = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};

CREATE TABLE IF NOT EXISTS ${SCHEMA}.events (
  global_seq bigserial NOT NULL,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  event_id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- Readers of $all order by commit-safe (tx_id, global_seq); see read-all.ts.
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  -- The $all order is the key: no reader looks events up by global_seq alone, and one index fewer
  -- is one index write fewer per append.
  PRIMARY KEY (tx_id, global_seq),
  -- Also the streams' current revisions: the last entry of a stream in this index. A separate streams
  -- table would cost a second row write per append and buy nothing the index does not give.
  UNIQUE (stream_id, revision)
);
`;

/**
 * One round trip per append, in three steps.
 *
 * 1. Lock the stream with a transaction-level advisory lock keyed on its id. Unlike a row lock this
 *    assigns no transaction id, so each append to a stream takes its id only after the previous
 *    append to that stream has committed: $all order (tx_id, global_seq) then agrees with revision
 *    order within every stream. For the same reason the append must be its transaction's first write.
 * 2. Check the expected revision. Only when it fails (or when the caller expects `any` or
 *    `stream_exists`, which cannot fail on a retry) look for a retry: its first event id stored in this
 *    stream, answered with the original result. The common path pays for no lookup.
 * 3. Insert the events; the stream's revision is its last event's, read from (stream_id, revision).
 *
 * p_expected: a revision (>= 0) or one of the EXPECT sentinels. p_events: a JSON array of
 * { eventId, type, data, metadata }, one parameter the client serializes in one call.
 */
const APPEND_FUNCTION = `
-- The signature before events travelled as one JSON parameter.
DROP FUNCTION IF EXISTS ${SCHEMA}.append_events(text, bigint, uuid[], text[], jsonb[], jsonb[]);

CREATE OR REPLACE FUNCTION ${SCHEMA}.append_events(
  p_stream_id text,
  p_expected bigint,
  p_events jsonb
) RETURNS TABLE (last_revision bigint, last_tx_id xid8, last_global_seq bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count constant bigint := jsonb_array_length(p_events);
  v_current bigint;
  v_exists boolean;
  v_wrong boolean;
  v_first_revision bigint;
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '${APPEND_NOT_FIRST_WRITE}',
      MESSAGE = 'an append must be the first write of its transaction, or $all could order it before earlier revisions';
  END IF;
  PERFORM pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(p_stream_id));

  SELECT e.revision INTO v_current FROM ${SCHEMA}.events e WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
  v_exists := FOUND;
  IF NOT v_exists THEN
    v_current := -1;
  END IF;

  v_wrong := (p_expected = ${EXPECT.noStream} AND v_exists)
     OR (p_expected = ${EXPECT.streamExists} AND NOT v_exists)
     OR (p_expected >= 0 AND p_expected <> v_current);

  IF v_wrong OR p_expected IN (${EXPECT.any}, ${EXPECT.streamExists}) THEN
    -- A retry of an append that already succeeded: its first event is stored in this stream. The
    -- original result stands when all its events are there, in order, where this append expected them.
    SELECT e.revision INTO v_first_revision
      FROM ${SCHEMA}.events e WHERE e.event_id = (p_events -> 0 ->> 'eventId')::uuid AND e.stream_id = p_stream_id;
    IF FOUND AND (p_expected IN (${EXPECT.any}, ${EXPECT.streamExists}) OR p_expected = v_first_revision - 1) THEN
      RETURN QUERY
        WITH stored AS (
          SELECT e.revision, e.tx_id, e.global_seq
            FROM jsonb_array_elements(p_events) WITH ORDINALITY AS i(event, ord)
            JOIN ${SCHEMA}.events e
              ON e.event_id = (i.event ->> 'eventId')::uuid AND e.stream_id = p_stream_id AND e.revision = v_first_revision + i.ord - 1
        )
        SELECT s.revision, s.tx_id, s.global_seq FROM stored s
         WHERE (SELECT count(*) FROM stored) = v_count
         ORDER BY s.revision DESC LIMIT 1;
      IF FOUND THEN
        RETURN;
      END IF;
    END IF;
    IF v_wrong THEN
      RAISE EXCEPTION USING ERRCODE = '${WRONG_EXPECTED_REVISION}',
        MESSAGE = format('wrong expected revision for stream %s', p_stream_id), DETAIL = v_current::text;
    END IF;
  END IF;

  -- ORDER BY makes global_seq follow the order of the events within the append.
  INSERT INTO ${SCHEMA}.events (stream_id, revision, event_id, type, data, metadata)
  SELECT p_stream_id, v_current + i.ord, (i.event ->> 'eventId')::uuid, i.event ->> 'type', i.event -> 'data', i.event -> 'metadata'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS i(event, ord)
   ORDER BY i.ord;


  RETURN QUERY SELECT v_current + v_count, pg_current_xact_id(), currval('${SCHEMA}.events_global_seq_seq');
END;
$fn$;
`;

/** Creates or updates the schema; safe to run concurrently from several processes. */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('${SCHEMA}.migrate'))`);
    await client.query(TABLES);
    await client.query(APPEND_FUNCTION);
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    // Discarding the connection rolls the transaction back, even when the connection is what failed.
    client.release(true);
    throw error;
  }
}
