import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';
import { ExpressPrototypesAdapter } from './express-prototypes-adapter';
import type { Platform } from './platform';
import { answerRefusedBody } from './refused-body';
import { sendJsonChunks } from './send-json-chunks';

/** The api's Nest application on Express, as every entry point builds it: main, the e2e tests, the benchmarks. */
export async function createApiApp(platform: Platform, logger: LoggerService | LogLevel[]): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forPlatform(platform), new ExpressPrototypesAdapter(), { logger });
  app.useBodyParser('json', { limit: '1mb' });
  // GraphQL answers POSTs, which no cache revalidates: an ETag would be a SHA-1 of every response body for nothing.
  app.set('etag', false);
  app.use('/graphql', sendJsonChunks, answerRefusedBody);
  const server = app.getHttpServer();
  server.keepAliveTimeout = platform.env.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Kept above the keep-alive timeout, the usual pairing: an idle connection must not meet the headers timer first.
  server.headersTimeout = platform.env.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return app;
}
