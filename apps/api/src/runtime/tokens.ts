import type { ProjectionStatus } from '@app/projection-runner';

/** Injection tokens for the parts the process wires up before Nest starts (see start-platform.ts). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const PG_POOL = Symbol('PG_POOL');
export const ENVIRONMENT = Symbol('ENVIRONMENT');
export const PROJECTION_STATUS = Symbol('PROJECTION_STATUS');
export const READ_MODEL_CHANGES = Symbol('READ_MODEL_CHANGES');

export interface ProjectionStatusSource {
  status(): Promise<ProjectionStatus[]>;
}
