import { AsyncLocalStorage } from 'node:async_hooks';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Observable } from 'rxjs';

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

const origins = new AsyncLocalStorage<RequestOrigin>();

/** The origin of the GraphQL field being resolved, or undefined outside one. */
export function currentRequestOrigin(): RequestOrigin | undefined {
  return origins.getStore();
}

/**
 * Makes each top-level GraphQL field's request origin available to code it calls (the access log), so
 * recording a read needs no request parameter threaded through every resolver.
 */
@Injectable()
export class RequestOriginInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const request = gql.getContext<{ req?: OriginRequest }>().req;
    const userAgent = request?.headers['user-agent'];
    const origin: RequestOrigin = {
      ip: request?.ip ?? null,
      userAgent: typeof userAgent === 'string' ? userAgent : null,
      info: gql.getInfo<GraphQLResolveInfo>(),
    };
    // Nest binds the handler to the async context current when handle() is called, i.e. this one.
    return origins.run(origin, () => next.handle());
  }
}
