import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { grpc } from './grpc';

/** The version the double reports; the client only logs it. */
export const DOUBLE_SERVER_VERSION = '24.10.0-double';

/**
 * ServerFeatures.GetSupportedMethods, which the client calls before its first append to choose between
 * Append and BatchAppend. Lists exactly the methods the double serves.
 */
export function serverFeaturesHandler(
  methods: readonly { readonly path: string }[],
): grpc.handleUnaryCall<Empty, SupportedMethods> {
  const supported = new SupportedMethods().setEventStoreServerVersion(DOUBLE_SERVER_VERSION).setMethodsList(
    methods.map((method) => {
      const [, serviceName, methodName] = method.path.split('/');
      return new SupportedMethod().setServiceName(serviceName).setMethodName(methodName);
    }),
  );
  return (_call, callback) => callback(null, supported);
}
