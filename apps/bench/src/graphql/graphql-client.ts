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

/** Posts operations to one endpoint over HTTP, as a front end does; throws on any GraphQL error. */
export class GraphQLClient {
  constructor(private readonly endpoint: string) {}

  async request<T>(operation: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: { data?: T | null; errors?: GraphQLError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${operation}: HTTP ${response.status} ${text.slice(0, 200)}`);
    }
    if (body.errors?.length) throw new GraphQLRequestError(operation, body.errors);
    if (!body.data) throw new Error(`${operation}: HTTP ${response.status} without data`);
    return body.data;
  }
}
