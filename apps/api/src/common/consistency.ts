import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/** Waits until the read models have passed a position (architecture.md §5, read your writes). */
export interface ConsistencyGate {
  waitFor(position: string, timeoutMs: number): Promise<void>;
}
export const CONSISTENCY_GATE = Symbol('CONSISTENCY_GATE');
export const CONSISTENCY_TIMEOUT_MS = Symbol('CONSISTENCY_TIMEOUT_MS');

/**
 * Any query field given `consistentWith` answers only after the projections passed that position.
 *
 * A guard that waits rather than an interceptor: Nest runs every interceptor through AsyncResource.bind, which
 * on Node 20 leaves each request's objects reachable until the next full garbage collection (docs/decisions.md
 * "Garbage that dies young"). Registered after the AuthGuard, it waits only for an authenticated request.
 */
@Injectable()
export class ConsistencyGuard implements CanActivate {
  constructor(
    @Inject(CONSISTENCY_GATE) private readonly gate: ConsistencyGate,
    @Inject(CONSISTENCY_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const position = GqlExecutionContext.create(context).getArgs<{ consistentWith?: unknown }>().consistentWith;
    if (typeof position === 'string' && position !== '') await this.gate.waitFor(position, this.timeoutMs);
    return true;
  }
}
