/** A value that canonicalJson cannot represent faithfully, with the path where it was found. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Not canonical JSON at ${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785) and no whitespace, so equal values
 * always give equal text, whatever the key order they were built or stored (jsonb reorders keys) with.
 * Only JSON values are accepted: anything JSON.stringify would drop or alter silently (undefined,
 * NaN, Infinity, functions, symbols, bigint, Dates and other class instances) is rejected.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${Array.from(value, (item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
      return writeObject(value, path);
    default:
      throw new CanonicalJsonError(path, `${typeof value} is not a JSON value`);
  }
}

function writeObject(value: object, path: string): string {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new CanonicalJsonError(path, `${value.constructor?.name ?? 'object'} is not a plain object`);
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
  return `{${members.join(',')}}`;
}
