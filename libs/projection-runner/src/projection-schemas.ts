import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { toError } from './errors';
import type { ProjectionLogger } from './logger';
import { ProjectionDefinition, projectionSchema } from './projection';
import { ensureCheckpointRows, LOCK_CLASS, RUNNER_TABLES_DDL, SCHEMAS_TABLE } from './runner-tables';
import { Queryable, quoteIdent, setSearchPath } from './sql';
import { withTransaction } from './transaction';

/**
 * `created`: its schema was new; `unchanged`: its DDL was (re)applied as before; `changed`: its DDL
 * differs from the one its tables were built with, so they are left alone until a rebuild.
 */
export interface SchemaCheck {
  readonly name: string;
  readonly outcome: 'created' | 'unchanged' | 'changed';
}

export function ddlHash(definition: ProjectionDefinition): string {
  return createHash('sha256').update(JSON.stringify(definition.schema)).digest('hex');
}

/**
 * Creates the runner tables, each `rm_<name>` schema and its tables (idempotent DDL), checkpoint
 * rows, and then the dependent DDL (objects over several read models, e.g. reporting views).
 */
export async function ensureProjectionSchemas(
  pool: Pool,
  definitions: readonly ProjectionDefinition[],
  dependentDdl: readonly string[],
  logger: ProjectionLogger,
): Promise<SchemaCheck[]> {
  return withTransaction(pool, async (client) => {
    // Serialises concurrent starts: CREATE … IF NOT EXISTS races otherwise end in unique violations.
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_CLASS.setup]);
    for (const statement of RUNNER_TABLES_DDL) await client.query(statement);
    const applied = await readDdlHashes(client, definitions.map((d) => d.name));
    const checks: SchemaCheck[] = [];
    for (const definition of definitions) {
      const hash = ddlHash(definition);
      const previous = applied.get(definition.name);
      if (previous !== undefined && previous !== hash) {
        checks.push({ name: definition.name, outcome: 'changed' });
        continue;
      }
      await createProjectionTables(client, definition, projectionSchema(definition.name));
      if (previous === undefined) await recordDdlHash(client, definition);
      checks.push({ name: definition.name, outcome: previous === undefined ? 'created' : 'unchanged' });
    }
    await ensureCheckpointRows(client, definitions.map((d) => d.name));
    await applyDependentDdl(client, dependentDdl, logger);
    return checks;
  });
}

/** Runs the projection's DDL inside `schema`; call within a transaction (it sets search_path locally). */
export async function createProjectionTables(db: Queryable, definition: ProjectionDefinition, schema: string): Promise<void> {
  await db.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  await db.query(setSearchPath(schema));
  for (const statement of definition.schema) await db.query(statement);
}

/**
 * Statements over several read models (views in a `reporting` schema …), which dropping an old
 * `rm_<name>` schema at a switch-over drops with it (CASCADE). Run after the projections' DDL and
 * inside each switch-over, so they never go missing. They may not fit a read model still waiting
 * for its rebuild: then they are left out with an error logged rather than stopping the runner.
 */
export async function applyDependentDdl(db: Queryable, statements: readonly string[], logger: ProjectionLogger): Promise<void> {
  if (statements.length === 0) return;
  await db.query('SAVEPOINT dependent_ddl');
  try {
    await db.query('SET LOCAL search_path TO DEFAULT');
    for (const statement of statements) await db.query(statement);
    await db.query('RELEASE SAVEPOINT dependent_ddl');
  } catch (error) {
    await db.query('ROLLBACK TO SAVEPOINT dependent_ddl');
    logger.error('Could not apply the DDL that depends on the read models (e.g. reporting views)', { error: toError(error) });
  }
}

export async function readDdlHashes(db: Queryable, names: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ name: string; ddl_hash: string }>(
    `SELECT name, ddl_hash FROM ${SCHEMAS_TABLE} WHERE name = ANY($1::text[])`,
    [names],
  );
  return new Map(rows.map((row) => [row.name, row.ddl_hash]));
}

export async function recordDdlHash(db: Queryable, definition: ProjectionDefinition): Promise<void> {
  await db.query(
    `INSERT INTO ${SCHEMAS_TABLE} (name, ddl_hash) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET ddl_hash = EXCLUDED.ddl_hash, applied_at = now()`,
    [definition.name, ddlHash(definition)],
  );
}
