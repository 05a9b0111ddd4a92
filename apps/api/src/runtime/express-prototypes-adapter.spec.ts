import { IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExpressPrototypesAdapter } from './express-prototypes-adapter';

interface ExpressApp {
  request: object;
  response: object;
  get(path: string, handler: (req: IncomingMessage & { query: Record<string, string> }, res: { json(body: unknown): void }) => void): void;
}

describe('ExpressPrototypesAdapter', () => {
  let adapter: ExpressPrototypesAdapter;
  let server: Server;

  beforeEach(async () => {
    adapter = new ExpressPrototypesAdapter();
    adapter.initHttpServer({});
    server = adapter.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("builds each request and response on Express's prototypes before Express sees them, and Express answers as before", async () => {
    const app = adapter.getInstance<ExpressApp>();
    app.get('/echo', (req, res) => res.json({ who: req.query.who }));
    const seen: boolean[] = [];
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response);
      seen.push(req instanceof IncomingMessage, res instanceof ServerResponse);
    });

    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/echo?who=v%C4%83n%20th%C6%B0`);

    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ who: 'văn thư' });
    expect(seen).toEqual([true, true, true, true]);
  });
});
