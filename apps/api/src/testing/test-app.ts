import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CommandHandler } from '@app/command-handling';
import { loadEnvironment } from '@app/config';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-database';
import { seedDemoProvince } from '../demo/seed-demo';
import { createApiApp } from '../runtime/create-api-app';
import { RunningPlatform, startPlatform } from '../runtime/start-platform';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions: Record<string, unknown>; path?: string[] }[];
}

export interface TestApp {
  readonly app: INestApplication;
  readonly platform: RunningPlatform;
  /** Posts a GraphQL operation, as `username` when given (a freshly minted token). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, username?: string): Promise<GraphQLResponse<T>>;
  /** Like graphql(), with a raw Authorization header (or none). */
  graphqlWithHeader<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, authorization?: string): Promise<GraphQLResponse<T>>;
  token(username: string): Promise<string>;
  /** Every event stored so far, committed or not yet visible to readers (to prove a refusal appended nothing). */
  eventCount(): Promise<number>;
  /** Waits until the read models have caught up with everything appended so far. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The api booted in-process on its own database, seeded with the demo province (e2e tests). */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const db: TestDatabase = await createTestDatabase('e2e');
  const env = loadEnvironment({
    DATABASE_URL: db.url,
    JWT_SECRET: 'e2e-test-secret-that-is-long-enough-0123456789',
    CONSISTENCY_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'error',
    // The projections and process managers on the tests' own event loop: tests wait for the process managers to be idle
    // and stop them through the api's ProcessManagerRunner.
    PROJECTOR_THREAD: 'false',
    ...overrides,
  });
  const platform = await startPlatform(env);
  const app = await createApiApp(platform, ['error']);
  await app.init();
  await seedDemoProvince(app.get(CommandHandler));
  const server = app.getHttpServer();
  const post = async <T>(query: string, variables: Record<string, unknown>, authorization?: string) => {
    const req = request(server).post('/graphql').send({ query, variables });
    const res = await (authorization ? req.set('Authorization', authorization) : req);
    return { status: res.status, data: res.body.data ?? null, errors: res.body.errors } as GraphQLResponse<T>;
  };
  const testApp: TestApp = {
    app,
    platform,
    token: (username) => (platform.localTokens as NonNullable<typeof platform.localTokens>).mint(username),
    async graphql(query, variables = {}, username) {
      return post(query, variables, username ? `Bearer ${await testApp.token(username)}` : undefined);
    },
    graphqlWithHeader: (query, variables, authorization) => post(query, variables, authorization),
    async eventCount() {
      const { rows } = await platform.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
      return Number(rows[0].n);
    },
    async settle() {
      // Not the head: it hides events committed behind a transaction still open (the projections' own).
      const last = await platform.eventStore.lastPosition();
      if (last) await platform.runner.waitForPosition(last, 10_000);
    },
    async close() {
      await app.close();
      await platform.close();
      await db.drop();
    },
  };
  await testApp.settle();
  return testApp;
}
