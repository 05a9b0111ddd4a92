import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the JSON body parser's errors carry (the http-errors shape). */
interface HttpError {
  readonly status?: unknown;
  readonly expose?: unknown;
  readonly message?: unknown;
}

/**
 * Express error middleware for the GraphQL path. A body the JSON parser refuses (malformed, over the 1 MB
 * limit, an unknown charset) fails before Apollo Server sees the request, and Express's default handler
 * would answer an HTML page with the stack trace. It is answered as a GraphQL error instead, with the
 * parser's 4xx status and the contract's BAD_USER_INPUT code; anything else goes on to Nest's handlers.
 */
export function answerRefusedBody(error: unknown, _req: IncomingMessage, res: ServerResponse, next: (error: unknown) => void): void {
  const { status, expose, message } = (error ?? {}) as HttpError;
  if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  const reason = expose === true && typeof message === 'string' ? message : 'it could not be read';
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message: `The request body was refused: ${reason}`, extensions: { code: 'BAD_USER_INPUT' } }] }));
}
