import type { Pool } from 'pg';
import type { Environment } from '@app/config';
import type { EventStore } from '@app/event-store';
import type { TokenVerifier } from '@app/auth';
import type { ReadModelChanges } from '../organisation/directory-cache';
import type { ConsistencyGate } from '../common/consistency';
import type { ProjectionStatusSource } from './tokens';

/** Everything the api needs that lives outside Nest: connections, the event store, the projections. */
export interface Platform {
  readonly env: Environment;
  readonly pool: Pool;
  readonly eventStore: EventStore;
  readonly tokens: TokenVerifier;
  readonly consistency: ConsistencyGate;
  readonly projections: ProjectionStatusSource;
  readonly readModelChanges: ReadModelChanges;
}
