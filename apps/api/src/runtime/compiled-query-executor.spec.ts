import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { buildSchema, GraphQLError, GraphQLFormattedError } from 'graphql';
import { CompiledQueryExecutor } from './compiled-query-executor';

class Refusal extends Error {}

const SCHEMA = `
  input Filter { status: String! = "OPEN", limit: Int = 20 }
  type Item { id: ID!, title: String! }
  type Query { items(filter: Filter!): [Item!]!, refused: Item, coded: Item }
`;

/** Apollo Server with the executor as the api installs it; what its formatError saw, the calls that took the gateway path and to `refused`. */
async function serverWith(): Promise<{ server: ApolloServer; seen: unknown[]; calls: { gateway: number; refused: number } }> {
  const schema = buildSchema(SCHEMA);
  const fields = schema.getQueryType()!.getFields();
  fields.items.resolve = (_root, { filter }: { filter: { status: string; limit: number } }) => [{ id: '1', title: `${filter.status}/${filter.limit}` }];
  const calls = { gateway: 0, refused: 0 };
  fields.refused.resolve = () => {
    calls.refused++;
    throw new Refusal('not yours');
  };
  fields.coded.resolve = () => {
    throw new GraphQLError('no such item', { extensions: { code: 'NOT_FOUND' } });
  };
  const executor = new CompiledQueryExecutor();
  executor.useSchema(schema);
  const load = executor.load.bind(executor);
  executor.load = async () => {
    const { executor: execute } = await load();
    return { executor: (requestContext) => (calls.gateway++, execute(requestContext)) };
  };
  const seen: unknown[] = [];
  const server = new ApolloServer({
    gateway: executor,
    plugins: [executor],
    formatError: (formatted: GraphQLFormattedError, raw: unknown) => {
      seen.push(raw);
      return formatted;
    },
  });
  await server.start();
  return { server, seen, calls };
}

describe('CompiledQueryExecutor behind Apollo Server', () => {
  let server: ApolloServer;
  let seen: unknown[];
  let calls: { gateway: number; refused: number };
  beforeEach(async () => ({ server, seen, calls } = await serverWith()));
  afterEach(() => server.stop());

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, ...response.body.singleResult };
  }

  it('fills the defaults of input fields a variable leaves out, as graphql-js does', async () => {
    const query = 'query Items($f: Filter!) { items(filter: $f) { id title } }';
    expect(await run(query, { f: {} })).toMatchObject({ data: { items: [{ id: '1', title: 'OPEN/20' }] } });
    // The same document again runs the function compiled the first time, with its own variables.
    expect(await run(query, { f: { status: 'CLOSED', limit: 5 } })).toMatchObject({ data: { items: [{ title: 'CLOSED/5' }] } });
    // Answered by the plugin: Apollo Server's gateway path (and its request context) is left out.
    expect(calls.gateway).toBe(0);
  });

  it('answers a malformed variable with 400 BAD_USER_INPUT and graphql-js’s message, running nothing', async () => {
    const result = await run('query Items($f: Filter!) { items(filter: $f) { id } }', { f: { limit: 'many' } });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Variable "\$f" got invalid value "many" at "f.limit"; Int cannot represent non-integer value/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('hands formatError a graphql-js error that unwraps to what the resolver threw, with its path and location', async () => {
    const result = await run('{ refused { id } }');
    expect(result.data).toEqual({ refused: null });
    expect(result.errors).toEqual([expect.objectContaining({ message: 'not yours', path: ['refused'], locations: [{ line: 1, column: 3 }] })]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(GraphQLError);
    expect(unwrapResolverError(seen[0])).toBeInstanceOf(Refusal);
    // The plugin ran the operation; the gateway path handed its result to Apollo Server without running it again.
    expect(calls).toEqual({ gateway: 1, refused: 1 });
  });

  it('keeps the extensions of an error a resolver raised with them', async () => {
    const result = await run('{ coded { id } }');
    expect(result.errors).toEqual([expect.objectContaining({ message: 'no such item', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });

  it('refuses to start before GraphQLModule has handed over the schema', async () => {
    const unready = new ApolloServer({ gateway: new CompiledQueryExecutor() });
    await expect(unready.start()).rejects.toThrow(/has not handed over its schema/);
  });
});
