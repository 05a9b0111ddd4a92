import type { Pool } from 'pg';

export const ACCESS_LOG_TABLE = 'audit.access_log';

/**
 * The access and usage log (Phụ lục VI III.5.a "view history", III.6.l, III.7.d): one row per read of a
 * document, append-only. A trigger refuses UPDATE, DELETE and TRUNCATE for every role, the owner included.
 * The objects are created only when the table is missing, so that an operator may hand them over to an
 * owner role the application cannot log in as and leave it only SELECT and INSERT (docs/audit.md): later
 * starts then touch nothing that needs ownership. The script is one implicit transaction (a multi-statement
 * simple query), serialised by an advisory lock so that api processes starting together do not race.
 */
const DDL = `
SELECT pg_advisory_xact_lock(hashtext('audit.migrate'));
DO $do$
BEGIN
  IF to_regclass('${ACCESS_LOG_TABLE}') IS NULL THEN
    CREATE SCHEMA IF NOT EXISTS audit;
    CREATE TABLE ${ACCESS_LOG_TABLE} (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      username text NOT NULL,
      full_name text NOT NULL,
      roles text[] NOT NULL,
      agency_code text NOT NULL,
      document_id text NOT NULL,
      what text NOT NULL,
      fields text[] NOT NULL,
      ip text,
      user_agent text
    );
    CREATE INDEX access_log_document_newest ON ${ACCESS_LOG_TABLE} (document_id, id DESC);
    CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'audit.access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END;
    $fn$;
    CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON ${ACCESS_LOG_TABLE}
      FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
    CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON ${ACCESS_LOG_TABLE}
      FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
  END IF;
END
$do$;
`;

export async function migrateAccessLog(pool: Pool): Promise<void> {
  await pool.query(DDL);
}
