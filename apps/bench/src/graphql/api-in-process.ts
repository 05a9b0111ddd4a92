import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { CommandHandler } from '@app/command-handling';
import { loadEnvironment } from '@app/config';
import { seedDemoProvince } from '../../../api/src/demo/seed-demo';
import { createApiApp } from '../../../api/src/runtime/create-api-app';
import { startPlatform } from '../../../api/src/runtime/start-platform';

/** The api could not start in this checkout (e.g. a package it needs is not installed). */
export class ApiBootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiBootError';
  }
}

export interface ApiInProcess {
  /** `http://127.0.0.1:<port>/graphql`. */
  readonly endpoint: string;
  /** The Nest application, to reach services without HTTP. */
  readonly app: INestApplication;
  token(username: string): Promise<string>;
  /** Until the read models (in this process or the projector's) have passed `position`. */
  waitForReadModels(position: string, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The api as apps/api/src/testing/test-app.ts boots it (demo province seeded and projected), on
 * `databaseUrl`, listening on a free loopback port for real HTTP. The projections and process managers run on a
 * worker thread of the api (the default), on its event loop, or `elsewhere`: in a projector process, which must be running.
 */
export async function startApiInProcess(databaseUrl: string, projections: 'thread' | 'event loop' | 'elsewhere' = 'thread'): Promise<ApiInProcess> {
  const env = loadEnvironment({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'bench-only-secret-that-is-long-enough-0123456789',
    CONSISTENCY_TIMEOUT_MS: '10000',
    LOG_LEVEL: 'error',
    // The benchmark finds the operations it needs by introspection, which production mode turns off by default.
    GRAPHQL_INTROSPECTION: 'true',
    RUN_PROJECTIONS: String(projections !== 'elsewhere'),
    PROJECTOR_THREAD: String(projections === 'thread'),
  });
  const errors: string[] = [];
  const logger: LoggerService = {
    log: () => undefined,
    warn: () => undefined,
    error: (message: unknown) => {
      errors.push(String(message));
      process.stderr.write(`[api] ${String(message)}\n`);
    },
  };
  const platform = await startPlatform(env);
  // Nest exits the process when a package it loads lazily is missing; as an error, cleanup still runs.
  const exit = process.exit;
  process.exit = ((code?: number) => {
    throw new ApiBootError(`the api exited (code ${code ?? 0}) while starting: ${errors.at(-1) ?? 'no error logged'}`);
  }) as typeof process.exit;
  try {
    const app = await createApiApp(platform, logger);
    try {
      await app.init();
      process.exit = exit;
      await seedDemoProvince(app.get(CommandHandler));
      // Not the store's head: it hides events committed after a transaction still open (the projections' own).
      const seeded = await platform.eventStore.lastPosition();
      if (seeded) await platform.runner.waitForPosition(seeded, 30_000);
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      const tokens = platform.localTokens;
      if (!tokens) throw new Error('the api verifies OIDC tokens; the benchmark needs local tokens');
      return {
        endpoint: `http://127.0.0.1:${port}/graphql`,
        app,
        token: (username) => tokens.mint(username),
        waitForReadModels: (position, timeoutMs) => platform.runner.waitForPosition(position, timeoutMs),
        async close() {
          await app.close();
          await platform.close();
        },
      };
    } catch (error) {
      await app.close();
      throw error;
    }
  } catch (error) {
    await platform.close();
    throw error;
  } finally {
    process.exit = exit;
  }
}
