import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from '@app/domain';
import { WrongExpectedRevisionError, InvalidPositionError } from '@app/event-store';
import { ProjectionTimeoutError } from '@app/projection-runner';
import { ApiError } from './api-error';

const logger = new Logger('GraphQL');

/** Domain codes whose GraphQL code is one of the generic ones; the others pass through unchanged. */
const DOMAIN_TO_API: Record<string, string> = {
  FORBIDDEN_FOR_ROLE: 'FORBIDDEN',
  VALIDATION_FAILED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  ACCOUNT_LOCKED: 'FORBIDDEN',
};

/**
 * Turns every error into what a client may see: a stable `extensions.code`, a clear message, never
 * a stack trace. Errors we did not anticipate are logged here and answered with a generic message.
 */
export function formatError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const error = unwrapResolverError(raw);
  const path = formatted.path;
  if (error instanceof ApiError) return { message: error.message, path, extensions: error.extensions };
  if (error instanceof DomainError) {
    const code = DOMAIN_TO_API[error.code] ?? error.code;
    return { message: error.message, path, extensions: { ...error.details, code, domainCode: error.code } };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return { message: 'The document was changed concurrently; reload and try again', path, extensions: { code: 'CONFLICT' } };
  }
  if (error instanceof ProjectionTimeoutError) {
    return { message: error.message, path, extensions: { code: 'PROJECTION_TIMEOUT' } };
  }
  if (error instanceof InvalidPositionError) {
    return { message: error.message, path, extensions: { code: 'BAD_USER_INPUT', field: 'consistentWith' } };
  }
  // Errors of the GraphQL layer itself (syntax, unknown fields, variable coercion) are the client's.
  if (error instanceof GraphQLError && !(error.originalError && !(error.originalError instanceof GraphQLError))) {
    const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code: extensions.code ?? 'BAD_USER_INPUT' } };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { message: 'Internal server error', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
