import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-database';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionDefinition, ProjectionTx } from '@app/projection-runner';
import { projectionSchema } from '@app/projection-runner';

/** `batch`: the runner's fast path (`handleBatch`); `one-by-one`: `handle` for each event. */
export type ApplyMode = 'batch' | 'one-by-one';

/** A database of its own for one test file, with helpers to build read models the way the runner does. */
export interface ProjectionDatabase {
  readonly pool: Pool;
  /** Drops and recreates the projection's schema `rm_<name>`, then runs its DDL inside it. */
  install(projection: ProjectionDefinition): Promise<void>;
  /** Applies the events in one transaction with `search_path` set to the projection's schema. */
  apply(projection: ProjectionDefinition, events: readonly RecordedEvent[], mode?: ApplyMode): Promise<void>;
  /** As apply() in batch mode, answering the plan PostgreSQL chose for each statement the projection ran. */
  plans(projection: ProjectionDefinition, events: readonly RecordedEvent[]): Promise<string[]>;
  rows<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createProjectionDatabase(prefix: string): Promise<ProjectionDatabase> {
  const database: TestDatabase = await createTestDatabase(prefix);
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const inSchema = async (projection: ProjectionDefinition, work: (tx: ProjectionTx) => Promise<void>) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL search_path TO ${projectionSchema(projection.name)}, public`);
      await work({ query: async (sql, params) => (await client.query(sql, params as unknown[])).rows });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    pool,
    async install(projection) {
      await pool.query(`DROP SCHEMA IF EXISTS ${projectionSchema(projection.name)} CASCADE`);
      await pool.query(`CREATE SCHEMA ${projectionSchema(projection.name)}`);
      await inSchema(projection, async (tx) => {
        for (const statement of projection.schema) await tx.query(statement);
      });
    },
    async apply(projection, events, mode = 'batch') {
      await inSchema(projection, async (tx) => {
        if (mode === 'batch' && projection.handleBatch) await projection.handleBatch(events, tx);
        else for (const event of events) await projection.handle(event, tx);
      });
    },
    async plans(projection, events) {
      const plans: string[] = [];
      await inSchema(projection, async (tx) => {
        const explaining: ProjectionTx = {
          async query<T>(sql: string, params?: readonly unknown[]) {
            const plan = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
            plans.push(plan.map((line) => line['QUERY PLAN']).join('\n'));
            return tx.query<T>(sql, params);
          },
        };
        if (projection.handleBatch) await projection.handleBatch(events, explaining);
        else for (const event of events) await projection.handle(event, explaining);
      });
      return plans;
    },
    async rows<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await pool.query(sql, params as unknown[])).rows as T[];
    },
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
