import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append.handler';
import { batchAppendHandler } from './batch-append.handler';
import { grpc } from './grpc';
import { readHandler } from './read.handler';
import { serverFeaturesHandler } from './server-features.handler';
import { EventLog } from './storage';

export interface EventStoreDbDoubleOptions {
  /**
   * Advertise and serve Streams.BatchAppend, which the client then uses for every append, as it does
   * against EventStoreDB 21.10 and later. Without it the client falls back to Streams.Append.
   */
  readonly batchAppend?: boolean;
  /**
   * Whether an idempotent retry is answered with the position of the events it matched (true, the
   * default, as current servers do) or with `no_position`, which the client's types allow for.
   */
  readonly positionOnRetry?: boolean;
}

export interface EventStoreDbDouble {
  /** `esdb://127.0.0.1:<port>?tls=false` */
  readonly connectionString: string;
  /** Streams.Read calls (reads and subscriptions) neither finished nor cancelled by the client. */
  openReads(): number;
  stop(): Promise<void>;
}

/**
 * Starts an in-memory double of EventStoreDB's gRPC Streams service on an ephemeral loopback port,
 * speaking the protocol through @eventstore/db-client's own generated protobuf code.
 */
export async function startEventStoreDbDouble(options: EventStoreDbDoubleOptions = {}): Promise<EventStoreDbDouble> {
  const log = new EventLog(options.positionOnRetry ?? true);
  const openReads = new Set<object>();
  const read = readHandler(log);
  const streams: grpc.UntypedServiceImplementation = {
    read: (call: Parameters<typeof read>[0]) => {
      openReads.add(call);
      const closed = () => openReads.delete(call);
      call.once('finish', closed).once('cancelled', closed);
      read(call);
    },
    append: appendHandler(log),
  };
  const served: { readonly path: string }[] = [StreamsService.read, StreamsService.append];
  if (options.batchAppend) {
    streams.batchAppend = batchAppendHandler(log);
    served.push(StreamsService.batchAppend);
  }
  served.push(ServerFeaturesService.getSupportedMethods);

  const server = new grpc.Server();
  // Methods left out of the implementation answer UNIMPLEMENTED, as a server without them would.
  server.addService(StreamsService, streams);
  server.addService(ServerFeaturesService, { getSupportedMethods: serverFeaturesHandler(served) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    openReads: () => openReads.size,
    // Live subscriptions never finish on their own, so a graceful shutdown would wait forever.
    stop: async () => server.forceShutdown(),
  };
}
