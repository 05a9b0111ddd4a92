import type { FormattedExecutionResult } from 'graphql';
import { JsonChunks } from './json-chunks';

/**
 * Apollo Server's stringifyResult: the answer as JsonChunks (json-chunks.ts), its data released once written.
 *
 * Why release: with an executor of its own (compiled-query-executor.ts), Apollo Server builds for each request an
 * object literal with a getter and a setter over its request context (makeGatewayGraphQLRequestContext). V8 gives
 * each such literal a map of its own in the old generation, and until a full collection frees that map, its
 * accessors keep the request context reachable, and through it the whole answer: every young collection copied,
 * then promoted, every document history answered since the one before (docs/decisions.md "Answers released once
 * written"). Once written, the answer serves nothing more; with its root fields emptied it dies young.
 */
export function stringifyAndRelease(result: FormattedExecutionResult): JsonChunks {
  const chunks = JsonChunks.of(result);
  const data: Record<string, unknown> | null | undefined = result.data;
  if (data) for (const field of Object.keys(data)) data[field] = null;
  return chunks;
}
