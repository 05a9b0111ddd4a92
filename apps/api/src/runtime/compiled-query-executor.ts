import {
  HeaderMap,
  type ApolloServerOptionsWithGateway,
  type ApolloServerPlugin,
  type BaseContext,
  type GraphQLRequestContextResponseForOperation,
  type GraphQLRequestListener,
  type GraphQLResponse,
} from '@apollo/server';
import {
  execute,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { withoutPlainFieldReads } from './plain-field-reads';

// Apollo Server's gateway contract, by way of its constructor's options (its own package is an internal dependency).
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewaySchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];

/** Where the plugin path leaves an operation it ran whose errors Apollo Server formats (on the request's context). */
const RAN_WITH_ERRORS = Symbol('operation ran; Apollo Server formats its errors');
type ContextWithResult = Record<typeof RAN_WITH_ERRORS, ExecutionResult | undefined>;

/**
 * Executes each operation with a function graphql-jit compiled for it, once per parsed document.
 *
 * Why: graphql-js walks every field of an answer through the generic executor, allocating a resolve info, a
 * path and two argument maps per field. A document history is ~2,300 fields; executing them took ~1.4 ms of
 * every read and half of what it allocated (docs/decisions.md "Compiled execution"). The compiled function does
 * the same work with plain property reads: ~0.17 ms.
 *
 * It plugs into Apollo Server twice, and Apollo Server still parses, validates, formats errors and sets HTTP
 * statuses exactly as without it:
 * - as a plugin, it answers each operation from `responseForOperation`, before Apollo Server would execute it;
 * - as a gateway (the only way Apollo Server takes an executor), it serves the schema Nest built (handed over by
 *   GraphQLModule's transformSchema) and executes what the plugin left: an operation that ended in errors, whose
 *   result it hands to Apollo Server to format, without running it again.
 * Why not the gateway path for every operation: for it Apollo Server builds a request context as an object literal
 * with accessors, which V8 gives a map of its own in the old generation, keeping the request and its answer
 * reachable until the next full collection (docs/decisions.md "Garbage that dies young").
 */
export class CompiledQueryExecutor implements GatewayInterface, ApolloServerPlugin<BaseContext> {
  private schema: GraphQLSchema | null = null;
  /** Apollo Server keeps each parsed and validated document (its document store), so a query's compiled function is found by identity. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  private readonly listener: GraphQLRequestListener<BaseContext> = {
    responseForOperation: (requestContext) => this.respond(requestContext),
  };

  /** GraphQLModule's transformSchema: the schema to execute against, its fields' plain property reads left to graphql-jit. */
  readonly useSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = withoutPlainFieldReads(schema);
    return this.schema;
  };

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    return this.listener;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    callback({ apiSchema: this.requireSchema(), coreSupergraphSdl: '' });
    return () => undefined;
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return {
      executor: async ({ document, operation, operationName, context, request }) => {
        const ran = (context as ContextWithResult)[RAN_WITH_ERRORS];
        return ran ?? this.execute(document, operation, operationName, context, request.variables);
      },
    };
  }

  async stop(): Promise<void> {}

  /** The answer of an operation that ran without errors; null leaves the operation to the gateway path. */
  private async respond({ document, operation, operationName, contextValue, request }: GraphQLRequestContextResponseForOperation<BaseContext>): Promise<GraphQLResponse | null> {
    const result = await this.execute(document, operation, operationName, contextValue, request.variables);
    if (result.errors) {
      (contextValue as ContextWithResult)[RAN_WITH_ERRORS] = result;
      return null;
    }
    return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
  }

  /** `operation` is the one Apollo Server resolved in `document`, by `operationName`. */
  private async execute(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null | undefined,
    context: BaseContext,
    rawVariables: Record<string, unknown> | undefined,
  ): Promise<ExecutionResult> {
    const schema = this.requireSchema();
    // Variables are coerced as graphql-js does (graphql-jit leaves out the defaults of input fields), with its
    // messages, which Apollo Server reads to answer a bad variable with 400 BAD_USER_INPUT.
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 50 });
    if (variables.errors) return { errors: variables.errors };
    const query = this.compile(schema, document, operationName ?? null);
    // What graphql-jit cannot compile (none of this api's operations) runs as it would without it.
    if (query === null) return (await execute({ schema, document, operationName, contextValue: context, variableValues: variables.coerced })) as ExecutionResult;
    const result = await query.query(undefined, context, variables.coerced);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  }

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let byOperation = this.compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      this.compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      query = isCompiledQuery(result) ? result : null;
      byOperation.set(key, query);
    }
    return query;
  }

  private requireSchema(): GraphQLSchema {
    if (this.schema === null) throw new Error('CompiledQueryExecutor: GraphQLModule has not handed over its schema (transformSchema)');
    return this.schema;
  }
}

/**
 * graphql-jit's errors inherit from GraphQLError without running its constructor: with no `extensions` object,
 * Apollo Server's error formatting fails on them and answers INTERNAL_SERVER_ERROR for a refused command.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  return Object.assign(rebuilt, { locations: error.locations });
}
