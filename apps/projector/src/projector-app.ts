import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { READ_MODELS_WAIT_MS } from '@app/process-managers';
import { jsonLogger, ProjectionLogger, ProjectionRunner } from '@app/projection-runner';
import { allProjections, reportingViews } from '@app/projections';
import { NestJsonLogger } from './nest-logger';
import { RunningProcessManagers, startProcessManagers } from './process-managers';
import { ProjectorConfig, selectProjections } from './projector-config';
import { ProjectorModule } from './projector.module';

/** The projector process's log: everything, whatever LOG_LEVEL says (its start is what deployments wait for). */
export const projectorLogger = jsonLogger({ service: 'projector' });

/** The projector's Nest context for `config`: the runner of the projections PROJECTIONS names, not started. */
export function createProjectorContext(config: ProjectorConfig, logger: ProjectionLogger): Promise<INestApplicationContext> {
  const projections = selectProjections(allProjections, config.projections);
  return NestFactory.createApplicationContext(ProjectorModule.register({ config, projections, dependentDdl: reportingViews, logger }), {
    logger: new NestJsonLogger(logger),
  });
}

/** Runs the projections, then the process managers: they read the agencies' calendars from a read model, so once the schemas exist. */
export async function startProjecting(app: INestApplicationContext, config: ProjectorConfig): Promise<RunningProcessManagers> {
  const runner = app.get(ProjectionRunner);
  await runner.start();
  return startProcessManagers(config, (position) => runner.waitForPosition(position, READ_MODELS_WAIT_MS));
}
