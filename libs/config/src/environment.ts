import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** Every setting the programs read from the environment, with its default (architecture.md §7). */
export class Environment {
  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  /** Unset: an embedded PostgreSQL is started with its data under EMBEDDED_PG_DIR. */
  @IsOptional() @IsString() @MinLength(1)
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT = 54320;

  @IsIn(['postgres', 'eventstoredb'])
  EVENT_STORE: 'postgres' | 'eventstoredb' = 'postgres';

  @ValidateIf((env: Environment) => env.EVENT_STORE === 'eventstoredb')
  @IsString() @MinLength(1, { message: 'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** Local HS256 secret for development tokens; generated into the data folder when unset. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** When set, tokens are verified against this issuer's JWKS instead of the local secret. */
  @IsOptional() @IsUrl({ require_tld: false })
  OIDC_ISSUER?: string;

  @IsOptional() @IsString()
  OIDC_AUDIENCE?: string;

  /** Claim of an OIDC token that holds the staff username. */
  @IsString()
  OIDC_USERNAME_CLAIM = 'preferred_username';

  /** Run the projections inside the api process (the single-machine default). */
  @Transform(toBool)
  RUN_PROJECTIONS = true;

  /**
   * With RUN_PROJECTIONS: run them, and the process managers, on a worker thread of the api process (apps/projector's
   * thread entry), beside the event loop that serves requests rather than on it.
   */
  @Transform(toBool)
  PROJECTOR_THREAD = true;

  /** Seed the demo province when the event store is empty. */
  @Transform(toBool)
  SEED_DEMO = true;

  /** How long a query with `consistentWith` waits for the projections. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  CONSISTENCY_TIMEOUT_MS = 2000;

  /**
   * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the idle timeout of
   * the proxies and load balancers in front of an api (60 s is common): one of them reusing a connection the api
   * has just closed fails that request ("socket hang up", a 502).
   */
  @Transform(toInt) @IsInt() @Min(1_000) @Max(600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65_000;

  /** Whether clients may introspect the GraphQL schema; unset, Apollo's default: on unless NODE_ENV=production. */
  @IsOptional() @Transform(toBool)
  GRAPHQL_INTROSPECTION?: boolean;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

const VARIABLES = [
  'PORT', 'DATABASE_URL', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT', 'EVENT_STORE', 'EVENTSTORE_CONNECTION_STRING',
  'JWT_SECRET', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_USERNAME_CLAIM', 'RUN_PROJECTIONS', 'PROJECTOR_THREAD', 'SEED_DEMO',
  'CONSISTENCY_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 'GRAPHQL_INTROSPECTION', 'LOG_LEVEL',
] as const;

/** Validates the environment; throws a ConfigurationError naming every bad variable. Empty values count as unset. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const given = Object.fromEntries(VARIABLES.filter((k) => source[k] !== undefined && source[k] !== '').map((k) => [k, source[k]]));
  const env = plainToInstance(Environment, given, { exposeDefaultValues: true });
  const errors = validateSync(env);
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  return env;
}

/** The variables that give `env` again: the configuration of a thread or process that must run as this one does. */
export function environmentVariables(env: Environment): Record<string, string> {
  return Object.fromEntries(VARIABLES.filter((k) => env[k] !== undefined).map((k) => [k, String(env[k])]));
}
