import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, Observable, switchMap } from 'rxjs';

/** Waits until the read models have passed a position (architecture.md §5, read your writes). */
export interface ConsistencyGate {
  waitFor(position: string, timeoutMs: number): Promise<void>;
}
export const CONSISTENCY_GATE = Symbol('CONSISTENCY_GATE');
export const CONSISTENCY_TIMEOUT_MS = Symbol('CONSISTENCY_TIMEOUT_MS');

/** Any query field given `consistentWith` answers only after the projections passed that position. */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(CONSISTENCY_GATE) private readonly gate: ConsistencyGate,
    @Inject(CONSISTENCY_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const position = GqlExecutionContext.create(context).getArgs<{ consistentWith?: unknown }>().consistentWith;
    if (typeof position !== 'string' || position === '') return next.handle();
    return from(this.gate.waitFor(position, this.timeoutMs)).pipe(switchMap(() => next.handle()));
  }
}
