/** Structured logging the runner needs; the projector writes it as JSON lines. */
export interface ProjectionLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = keyof ProjectionLogger;

/** One JSON object per line: `{"time","level","message",...fields}`; errors and warnings go to stderr. */
export function jsonLogger(base: Record<string, unknown> = {}): ProjectionLogger {
  const write = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields }, errorsAsObjects);
    (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * jsonLogger without the levels below `level` (the LOG_LEVEL setting; debug logs as info): warn or error keep a
 * runner's routine progress quiet.
 */
export function jsonLoggerAt(level: 'debug' | 'info' | 'warn' | 'error', base: Record<string, unknown> = {}): ProjectionLogger {
  const logger = jsonLogger(base);
  const quiet = () => undefined;
  if (level === 'error') return { ...logger, info: quiet, warn: quiet };
  if (level === 'warn') return { ...logger, info: quiet };
  return logger;
}

export const silentLogger: ProjectionLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function errorsAsObjects(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return typeof value === 'bigint' ? value.toString() : value;
}
