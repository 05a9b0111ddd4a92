import type { grpc } from './grpc';

/**
 * Writes one message, waiting for the transport to drain when it is full. Resolves false once the
 * client has gone (cancelled the call), so writers can stop instead of waiting forever.
 */
export function send<Response>(call: grpc.ServerWritableStream<unknown, Response>, message: Response): Promise<boolean> {
  if (call.cancelled) return Promise.resolve(false);
  if (call.write(message)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (written: boolean) => {
      call.off('drain', onDrain);
      call.off('cancelled', onCancelled);
      resolve(written);
    };
    const onDrain = () => settle(true);
    const onCancelled = () => settle(false);
    call.once('drain', onDrain);
    call.once('cancelled', onCancelled);
  });
}
