import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { CommandHandler } from '@app/command-handling';
import { ConfigurationError, loadEnvironment } from '@app/config';
import { leaveShutdownSignalsToTheProcess } from '@app/database';
import { seedDemoProvince } from './demo/seed-demo';
import { createApiApp } from './runtime/create-api-app';
import { startPlatform } from './runtime/start-platform';
import { JsonLogger } from './runtime/json-logger';

async function main(): Promise<void> {
  const logger = new JsonLogger();
  const env = loadEnvironment();
  const platform = await startPlatform(env, (line) => logger.log(line, 'Platform'));
  const app = await createApiApp(platform, logger);
  // Stop in order: stop taking requests, stop the projections, then the database they write to.
  const shutdown = async (signal: string) => {
    logger.log(`${signal}: shutting down`, 'Platform');
    await app.close();
    await platform.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
  // Else the embedded PostgreSQL stops on the same signal, under the requests and batches still running.
  leaveShutdownSignalsToTheProcess();
  if (env.SEED_DEMO && (await platform.eventStore.headPosition()) === null) {
    logger.log('Empty event store: seeding the demo province', 'Platform');
    await seedDemoProvince(app.get(CommandHandler));
    // The demo staff can sign in once the directory has them.
    const seeded = await platform.eventStore.lastPosition();
    if (seeded && env.RUN_PROJECTIONS) await platform.runner.waitForPosition(seeded, 60_000);
  }
  await app.listen(env.PORT);
  const url = `http://localhost:${env.PORT}/graphql`;
  logger.log(`GraphQL API ready at ${url}`, 'Platform');
  if (platform.localTokens) {
    logger.log('Mint a token with: npm run token -- vanthu.ubnd   (then send "Authorization: Bearer <token>")', 'Platform');
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    new Logger('Platform').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
