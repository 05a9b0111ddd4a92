import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface GraphQLError {
  readonly message: string;
  readonly extensions?: { readonly code?: string };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: readonly GraphQLError[],
  ) {
    super(`${operation}: ${errors.map((e) => `${e.extensions?.code ?? 'ERROR'} ${e.message}`).join('; ')}`);
    this.name = 'GraphQLRequestError';
  }
}

/**
 * Posts operations to one endpoint over HTTP/1.1 with keep-alive, as a front end does; throws on any
 * GraphQL error. node:http rather than fetch: the client shares the process and the two cores with the
 * api it measures, and fetch's machinery costs several times more CPU per request.
 */
export class GraphQLClient {
  private readonly url: URL;
  private readonly agent = new Agent({ keepAlive: true });

  constructor(endpoint: string) {
    this.url = new URL(endpoint);
  }

  async request<T>(operation: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    return (await this.timedRequest<T>(operation, query, variables, token)).data;
  }

  /**
   * As request(), with the response time as HTTP benchmarks define it: from sending the request to its
   * last byte. The body is decoded, parsed and checked after the clock stops: that is the client's work.
   */
  async timedRequest<T>(operation: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ data: T; ms: number }> {
    const { status, body: raw, ms } = await this.timedBody(query, variables, token);
    const text = raw.toString('utf8');
    let body: { data?: T | null; errors?: GraphQLError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${operation}: HTTP ${status} ${text.slice(0, 200)}`);
    }
    if (body.errors?.length) throw new GraphQLRequestError(operation, body.errors);
    if (!body.data) throw new Error(`${operation}: HTTP ${status} without data`);
    return { data: body.data, ms };
  }

  /** As timedRequest(), answering the body's bytes as they came: neither decoded nor checked. */
  timedBody(query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; body: Buffer; ms: number }> {
    return this.post(JSON.stringify({ query, variables }), token);
  }

  private post(payload: string, token: string | undefined): Promise<{ status: number; body: Buffer; ms: number }> {
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const req = httpRequest(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const ms = performance.now() - start;
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}
