import type { GlobalPosition } from '@app/event-store';
import type { Checkpoint } from './positions';

/** The projections did not pass `position` in time (the API maps it to PROJECTION_TIMEOUT). */
export class ProjectionTimeoutError extends Error {
  constructor(
    readonly position: GlobalPosition,
    readonly timeoutMs: number,
    /** The projections still before `position`, with their checkpoints. */
    readonly lagging: ReadonlyArray<{ readonly name: string; readonly checkpoint: Checkpoint }>,
  ) {
    super(
      `Projections did not reach ${position} within ${timeoutMs} ms: ` +
        lagging.map((p) => `${p.name} at ${p.checkpoint ?? 'start'}`).join(', '),
    );
    this.name = 'ProjectionTimeoutError';
  }
}

export class ProjectionSchemaChangedError extends Error {
  constructor(readonly projection: string) {
    super(
      `Projection ${projection}: its DDL differs from the one its tables were built with; ` +
        `run \`npm run projector -- rebuild ${projection}\` to rebuild it into the new shape`,
    );
    this.name = 'ProjectionSchemaChangedError';
  }
}

export class UnknownProjectionError extends Error {
  constructor(readonly projection: string, known: readonly string[]) {
    super(`Unknown projection ${projection}; known: ${known.join(', ') || 'none'}`);
    this.name = 'UnknownProjectionError';
  }
}

export class RebuildInProgressError extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} is already being rebuilt by another process`);
    this.name = 'RebuildInProgressError';
  }
}

export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
