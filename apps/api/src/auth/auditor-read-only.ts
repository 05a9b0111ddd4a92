import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ApiError } from '../common/api-error';
import type { Principal } from './principal';

/** An account whose only role is AUDITOR: it reads everything of its agency and changes nothing. */
function isAuditorOnly(actor: Principal): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => role === 'AUDITOR');
}

/**
 * Refuses every GraphQL mutation of an AUDITOR-only account with FORBIDDEN before any resolver runs, so no
 * mutation, present or future, can append an event for one (the deciders also refuse by role).
 */
export function refuseAuditorMutation(context: ExecutionContext, actor: Principal): void {
  if (context.getType<string>() !== 'graphql' || !isAuditorOnly(actor)) return;
  if (GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().operation.operation === 'mutation') {
    throw new ApiError('FORBIDDEN', 'An auditor reads and changes nothing: mutations are refused', { reason: 'AUDITOR_READ_ONLY' });
  }
}
