import type { Position } from '@eventstore/db-client';
import { formatPosition, parsePosition, type GlobalPosition } from '../event-store.port';

/** EventStoreDB orders `$all` by commit position, then prepare position: the port's string order. */
export function toGlobalPosition(position: Position): GlobalPosition {
  return formatPosition(position.commit, position.prepare);
}

export function toClientPosition(position: GlobalPosition): Position {
  const { major, minor } = parsePosition(position);
  return { commit: major, prepare: minor };
}
