import { createServer, IncomingMessage, ServerResponse, type RequestListener } from 'node:http';
import type { Socket } from 'node:net';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';

/**
 * Nest's Express adapter, with an HTTP server that builds each request and response on Express's own
 * prototypes (`app.request`, `app.response`) instead of Node's.
 *
 * Why: Express moves every request and response onto those prototypes (`Object.setPrototypeOf` in app.handle).
 * In V8 that keeps each request's objects, and everything they reach (a whole document history), alive through
 * the next young-generation collections: every one of them was copied, then promoted to the old generation,
 * which filled up and ran a full collection every ~700 reads (docs/decisions.md "Express request prototypes").
 * Built on the right prototype from the start, Express's call changes nothing and the garbage dies young.
 */
/** What is used here of an Express application: a request listener that carries the two prototypes. */
type ExpressApp = RequestListener & { readonly request: object; readonly response: object };

export class ExpressPrototypesAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // HTTPS and forced connection closing stay Nest's own (the api uses neither).
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const app = this.getInstance<ExpressApp>();
    this.setHttpServer(createServer({ IncomingMessage: requestClass(app), ServerResponse: responseClass(app) }, app));
  }
}

// Node constructs these with `new`; Reflect.construct runs Node's own constructor for an object whose prototype is
// the `prototype` given here, whether Node's constructors are functions or classes.

function requestClass(app: ExpressApp): typeof IncomingMessage {
  function ExpressRequest(socket: Socket): IncomingMessage {
    return Reflect.construct(IncomingMessage, [socket], ExpressRequest) as IncomingMessage;
  }
  ExpressRequest.prototype = app.request;
  return ExpressRequest as unknown as typeof IncomingMessage;
}

function responseClass(app: ExpressApp): typeof ServerResponse {
  function ExpressResponse(request: IncomingMessage, options?: object): ServerResponse {
    return Reflect.construct(ServerResponse, [request, options], ExpressResponse) as ServerResponse;
  }
  ExpressResponse.prototype = app.response;
  return ExpressResponse as unknown as typeof ServerResponse;
}
