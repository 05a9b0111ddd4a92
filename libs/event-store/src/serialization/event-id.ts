import { createHash } from 'node:crypto';

/** Namespace of this system's event ids (a fixed, randomly chosen UUID; never change it). */
export const EVENT_ID_NAMESPACE = 'feda3f85-53ab-4f0a-8573-8fc21a8b4894';

/**
 * The id of the `index`-th event a command produces. Deterministic, so a retried command carries the
 * same event ids and the store recognises the retry instead of appending duplicates.
 */
export function deriveEventId(commandId: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`Event index must be a natural number, got ${index}`);
  return uuidV5(EVENT_ID_NAMESPACE, `${commandId}:${index}`);
}

/** RFC 9562 name-based UUID, version 5 (SHA-1). */
export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new TypeError(`Not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
