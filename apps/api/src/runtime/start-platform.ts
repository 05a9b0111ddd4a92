import { Pool } from 'pg';
import { LocalTokenService, loadOrCreateLocalSecret, OidcTokenVerifier, TokenVerifier } from '@app/auth';
import type { Environment } from '@app/config';
import { connectDatabase, createEventStore, localSecretFile } from '@app/platform';
import { jsonLoggerAt, ProjectionRunner } from '@app/projection-runner';
import { allProjections, reportingViews } from '@app/projections';
import type { Platform } from './platform';
import { ProjectorThread, startProjectorThread } from './projector-thread';

export interface RunningPlatform extends Platform {
  readonly runner: ProjectionRunner;
  /** Present unless tokens come from an OIDC issuer. */
  readonly localTokens: LocalTokenService | null;
  readonly databaseUrl: string;
  close(): Promise<void>;
}

/**
 * Connects everything the api needs: the database (embedded when DATABASE_URL is unset), the
 * configured event store, the projections (run in this process when RUN_PROJECTIONS, on a worker thread of
 * it when PROJECTOR_THREAD too) and tokens.
 */
export async function startPlatform(env: Environment, log: (line: string) => void = () => undefined): Promise<RunningPlatform> {
  const database = await connectDatabase(env, log);
  const pool = new Pool({ connectionString: database.url, max: 20 });
  // An idle connection can fail (server restart, or the embedded server stopping first at exit); the pool
  // drops it and opens another on demand, so it is logged, not fatal.
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));
  const eventStore = await createEventStore(env, pool);
  const runner = new ProjectionRunner({
    pool,
    store: eventStore,
    projections: allProjections,
    // The reporting views read the projections' tables; the runner re-creates them after every rebuild.
    dependentDdl: reportingViews,
    logger: jsonLoggerAt(env.LOG_LEVEL, { component: 'projection-runner' }),
  });
  const onThread = env.RUN_PROJECTIONS && env.PROJECTOR_THREAD;
  // On its thread the projector ensures the schemas itself before it reports running.
  if (env.RUN_PROJECTIONS && !onThread) await runner.start();
  else if (!onThread) await runner.ensureSchemas();
  let projector: ProjectorThread | null = null;
  try {
    if (onThread) projector = await startProjectorThread(env, database.url, log);
  } catch (error) {
    await eventStore.close();
    await pool.end();
    await database.close();
    throw error;
  }
  const localTokens = env.OIDC_ISSUER
    ? null
    : new LocalTokenService(loadOrCreateLocalSecret(env.JWT_SECRET, localSecretFile(env)));
  const tokens: TokenVerifier = localTokens ?? new OidcTokenVerifier(env.OIDC_ISSUER as string, env.OIDC_AUDIENCE, env.OIDC_USERNAME_CLAIM);
  return {
    env,
    pool,
    eventStore,
    tokens,
    localTokens,
    runner,
    databaseUrl: database.url,
    consistency: { waitFor: (position, timeoutMs) => runner.waitForPosition(position, timeoutMs) },
    projections: projector ?? runner,
    readModelChanges: runner,
    async close() {
      await projector?.stop();
      await runner.stop();
      await eventStore.close();
      await pool.end();
      await database.close();
    },
  };
}
