import { GraphQLError } from 'graphql';

/** The `extensions.code` values of api-contract.md, plus the domain codes passed through as they are. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PROJECTION_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

/** An error meant for the client: its message and extensions are sent as they are. */
export class ApiError extends GraphQLError {
  constructor(code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badUserInput = (message: string, field: string, extra: Record<string, unknown> = {}) =>
  new ApiError('BAD_USER_INPUT', message, { field, ...extra });
export const notFound = (what: string, id: string) => new ApiError('NOT_FOUND', `${what} ${id} not found`, { id });
export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);
