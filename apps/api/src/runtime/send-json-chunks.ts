import type { IncomingMessage, ServerResponse } from 'node:http';
import { JsonChunks } from './json-chunks';

type ExpressResponse = ServerResponse & { send(body?: unknown): ExpressResponse };

/**
 * Express middleware for the GraphQL path: res.send also takes the JsonChunks that Apollo Server's
 * stringifyResult answers (app.module.ts) and writes them buffer by buffer; anything else goes to Express.
 */
export function sendJsonChunks(req: IncomingMessage, res: ExpressResponse, next: () => void): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (!(body instanceof JsonChunks)) return send(body);
    res.setHeader('Content-Length', body.byteLength);
    if (req.method === 'HEAD') return res.end();
    res.cork();
    for (const buffer of body.buffers) res.write(buffer);
    res.end();
    return res;
  };
  next();
}
