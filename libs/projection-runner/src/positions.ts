import type { GlobalPosition } from '@app/event-store';

/** A checkpoint: null means nothing has been processed yet (before every event). */
export type Checkpoint = GlobalPosition | null;

/** Positions of one store order as plain strings (event-store.port.ts); null precedes them all. */
export function isAfter(a: Checkpoint, b: Checkpoint): boolean {
  if (a === null) return false;
  return b === null || a > b;
}

export function laterOf(a: Checkpoint, b: Checkpoint): Checkpoint {
  return isAfter(a, b) ? a : b;
}
