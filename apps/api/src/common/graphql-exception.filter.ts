import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every error of a GraphQL operation to Apollo untouched, where formatError decides what the
 * client sees and logs only the unexpected ones (Nest would otherwise log refusals as crashes). Errors of
 * plain HTTP routes (an unknown path, /health) get Nest's JSON answer: rethrown, they reached Express's
 * default handler, an HTML page with the stack trace.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
