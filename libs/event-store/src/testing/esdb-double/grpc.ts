import { dirname } from 'node:path';
import * as grpc from '@grpc/grpc-js';

/**
 * The @grpc/grpc-js the double serves with. It must be the very copy the client package's generated
 * service definitions were built against, or their types and serializers would silently diverge.
 */
const generatedDir = dirname(require.resolve('@eventstore/db-client/generated/streams_grpc_pb'));
const generatedGrpc = require.resolve('@grpc/grpc-js', { paths: [generatedDir] });
if (generatedGrpc !== require.resolve('@grpc/grpc-js')) {
  throw new Error(
    `The EventStoreDB double and @eventstore/db-client resolve different @grpc/grpc-js copies (${generatedGrpc}); ` +
      'deduplicate them (npm dedupe).',
  );
}

export { grpc };
