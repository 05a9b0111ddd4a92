import { createServer, IncomingMessage, ServerResponse, type RequestListener } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';

/** What is used here of an Express application: a request listener with the prototypes it gives requests and responses. */
type ExpressApp = RequestListener & { request: object; response: object };

/**
 * Nest's Express adapter, with an HTTP server that builds each request and response on Express's own
 * prototypes (`app.request`, `app.response`) instead of Node's.
 *
 * Why: Express moves every request and response onto those prototypes (`Object.setPrototypeOf` in app.handle),
 * which gives each of them a new map in V8's old generation; while those maps lived, until the next full
 * collection, each request's objects were kept through the young collections (docs/decisions.md "Garbage that
 * dies young"). Built on the right prototype from the start, Express's call changes nothing.
 *
 * The two prototypes become those of subclasses of Node's IncomingMessage and ServerResponse, with Express's
 * methods and `app` as before: V8 derives a subclass's map once, where a constructor that only sets the prototype
 * would get a new map for every object.
 */
export class ExpressPrototypesAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // HTTPS and forced connection closing stay Nest's own (the api uses neither).
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const app = this.getInstance<ExpressApp>();
    class ExpressRequest extends IncomingMessage {}
    class ExpressResponse extends ServerResponse {}
    app.request = asExpressPrototype(ExpressRequest.prototype, app.request);
    app.response = asExpressPrototype(ExpressResponse.prototype, app.response);
    this.setHttpServer(createServer({ IncomingMessage: ExpressRequest, ServerResponse: ExpressResponse }, app));
  }
}

/** `prototype`, given what Express's own prototype object held: its methods (its prototype) and `app`. */
function asExpressPrototype(prototype: object, express: object): object {
  Object.setPrototypeOf(prototype, Object.getPrototypeOf(express));
  return Object.defineProperties(prototype, Object.getOwnPropertyDescriptors(express));
}
