import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE, PG_POOL, PROJECTION_STATUS, ProjectionStatusSource } from '../runtime/tokens';

/** Liveness and readiness (database, event store, projection lag) for load balancers and operators. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STATUS) private readonly projections: ProjectionStatusSource,
  ) {}

  @Public()
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get()
  async ready() {
    const [database, eventStore] = await Promise.all([
      check(() => this.pool.query('SELECT 1')),
      check(() => this.store.headPosition()),
    ]);
    // Not knowing how the projections are (their thread has ended, say) is degraded, not ok with none listed.
    const [projections, projectionsError] = await this.projections.status().then(
      (statuses) => [statuses, null] as const,
      (error: unknown) => [[], `error: ${error instanceof Error ? error.message : String(error)}`] as const,
    );
    const ok = database === 'ok' && eventStore === 'ok' && projectionsError === null && projections.every((p) => p.lastError === null);
    const body = { status: ok ? 'ok' : 'degraded', database, eventStore, projections, ...(projectionsError ? { projectionsError } : {}) };
    if (!ok) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await probe();
    return 'ok';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}
