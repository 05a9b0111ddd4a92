import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';

/** What the access log records about where a read came from. */
export interface RequestOrigin {
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** The GraphQL field being resolved (its selection tells which parts of a document were read). */
  readonly info: GraphQLResolveInfo;
}

/** The Express request as far as the origin needs it (`ip` honours the app's `trust proxy` setting). */
interface OriginRequest {
  readonly ip?: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The origin of the GraphQL field being resolved, for a resolver that records a read in the access log.
 *
 * A parameter, not an AsyncLocalStorage set by an interceptor: Nest runs every interceptor through
 * AsyncResource.bind, which on Node 20 leaves each request's objects reachable until the next full garbage
 * collection (docs/decisions.md "Garbage that dies young").
 */
export const ReadOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): RequestOrigin => {
  const gql = GqlExecutionContext.create(context);
  const request = gql.getContext<{ req?: OriginRequest }>().req;
  const userAgent = request?.headers['user-agent'];
  return {
    ip: request?.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    info: gql.getInfo<GraphQLResolveInfo>(),
  };
});
