import type { ProjectionStatus } from '@app/projection-runner';

/** What the api sends its projector thread (apps/projector/src/thread). */
export type ToProjectorThread = { readonly type: 'status'; readonly id: number } | { readonly type: 'stop' };

/** What the projector thread answers. */
export type FromProjectorThread =
  | { readonly type: 'running' }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'status'; readonly id: number; readonly status?: ProjectionStatus[]; readonly error?: string };
