import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Observable } from 'rxjs';
import { ApiError } from '../common/api-error';
import { requestOf } from './auth.guard';
import type { Principal } from './principal';

/** An account whose only role is AUDITOR: it reads everything of its agency and changes nothing. */
export function isAuditorOnly(actor: Principal): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => role === 'AUDITOR');
}

/**
 * Refuses every GraphQL mutation of an AUDITOR-only account with FORBIDDEN before any resolver runs, so no
 * mutation, present or future, can append an event for one (the deciders also refuse by role). An
 * interceptor rather than a guard: interceptors run after every guard, so the AuthGuard has set the actor.
 */
@Injectable()
export class AuditorReadOnlyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'graphql') {
      const operation = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().operation.operation;
      const actor = requestOf(context).actor;
      if (operation === 'mutation' && actor && isAuditorOnly(actor)) {
        throw new ApiError('FORBIDDEN', 'An auditor reads and changes nothing: mutations are refused', { reason: 'AUDITOR_READ_ONLY' });
      }
    }
    return next.handle();
  }
}
