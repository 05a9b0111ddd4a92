import { ConfigurationError, Environment, loadEnvironment } from '@app/config';
import type { ProjectionDefinition } from '@app/projection-runner';

export interface ProjectorConfig {
  /** The shared settings (EVENT_STORE, EVENTSTORE_CONNECTION_STRING …), validated by @app/config. */
  readonly env: Environment;
  /** The PostgreSQL of the read models (and of the events, with EVENT_STORE=postgres). */
  readonly databaseUrl: string;
  /** PROJECTIONS: the comma-separated names this projector runs (one projector per read model); null: all. */
  readonly projections: readonly string[] | null;
  /** PROJECTOR_SUBSCRIPTION: one `$all` subscription for all its projections (shared) or one each (separate). */
  readonly subscription: 'shared' | 'separate';
}

const SUBSCRIPTIONS = ['shared', 'separate'] as const;

/** Throws a ConfigurationError naming every bad variable. */
export function loadProjectorConfig(source: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const problems: string[] = [];
  let env: Environment | null = null;
  try {
    env = loadEnvironment(source);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  if (!source.DATABASE_URL) problems.push('DATABASE_URL: required by the projector (the PostgreSQL of the read models)');
  const subscription = source.PROJECTOR_SUBSCRIPTION || 'shared';
  if (!SUBSCRIPTIONS.includes(subscription as ProjectorConfig['subscription'])) {
    problems.push(`PROJECTOR_SUBSCRIPTION=${JSON.stringify(subscription)}: must be one of ${SUBSCRIPTIONS.join(', ')}`);
  }
  const names = (source.PROJECTIONS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (problems.length > 0 || env === null) throw new ConfigurationError(problems);
  return {
    env,
    databaseUrl: source.DATABASE_URL as string,
    projections: names.length > 0 ? names : null,
    subscription: subscription as ProjectorConfig['subscription'],
  };
}

/** The projections PROJECTIONS names (all when unset); an unknown name is a configuration error. */
export function selectProjections(all: readonly ProjectionDefinition[], names: readonly string[] | null): ProjectionDefinition[] {
  if (names === null) return [...all];
  const unknown = names.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length > 0) {
    throw new ConfigurationError([`PROJECTIONS: unknown ${unknown.join(', ')}; known: ${all.map((p) => p.name).join(', ')}`]);
  }
  return all.filter((p) => names.includes(p.name));
}
