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
  return new CanonicalWriter().write(value);
}

/**
 * Every append hashes its events through here, so the walk builds no path string per value: it keeps
 * the keys it is under on a stack and spells the path out only for an error.
 */
class CanonicalWriter {
  private readonly path: (string | number)[] = [];

  write(value: unknown): string {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return JSON.stringify(value);
      case 'number':
        if (!Number.isFinite(value)) throw this.error(`${value} is not a JSON number`);
        return JSON.stringify(value);
      case 'object':
        if (value === null) return 'null';
        return Array.isArray(value) ? this.writeArray(value) : this.writeObject(value);
      default:
        throw this.error(`${typeof value} is not a JSON value`);
    }
  }

  private writeArray(value: readonly unknown[]): string {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      this.path.push(i);
      text += (i === 0 ? '' : ',') + this.write(value[i]);
      this.path.pop();
    }
    return `${text}]`;
  }

  private writeObject(value: object): string {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw this.error(`${value.constructor?.name ?? 'object'} is not a plain object`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let text = '{';
    for (let i = 0; i < keys.length; i++) {
      this.path.push(keys[i]);
      text += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${this.write(record[keys[i]])}`;
      this.path.pop();
    }
    return `${text}}`;
  }

  private error(reason: string): CanonicalJsonError {
    const path = this.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
    return new CanonicalJsonError(`$${path}`, reason);
  }
}
