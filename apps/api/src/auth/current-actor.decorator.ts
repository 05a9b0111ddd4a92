import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from './auth.guard';
import type { Principal } from './principal';

/** The authenticated staff member (the AuthGuard has run before any resolver). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const actor = requestOf(context).actor;
  if (!actor) throw new Error('CurrentActor used on a public handler');
  return actor;
});
