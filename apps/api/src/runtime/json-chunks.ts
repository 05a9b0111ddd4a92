/**
 * A JSON text held as UTF-8 buffers of up to 64 KB each, never as one string.
 *
 * Why: a 100-event document history is ~170 KB of JSON with Vietnamese text, so JSON.stringify answers a
 * two-byte string of ~340 KB. V8 gives every object over 128 KB a mapping of its own in its large-object
 * space, returned to the system once the request is over, and on the benchmark machine each of its pages
 * costs a page fault of ~11 µs: flattening and encoding that one string cost ~1 ms of every history read.
 * Each list item is stringified on its own (a few KB) and encoded at once into 64 KB buffers.
 */
export class JsonChunks {
  constructor(
    readonly buffers: readonly Buffer[],
    readonly byteLength: number,
  ) {}

  /** The text of JSON.stringify(value), plus the final newline Apollo Server writes, in chunks. */
  static of(value: unknown): JsonChunks {
    const writer = new ChunkWriter();
    writeValue(value, writer, SPLIT_DEPTH);
    writer.push('\n');
    return writer.finish();
  }
}

/** A GraphQL result → data → a root field → its list's items, each serialized whole by JSON.stringify. */
const SPLIT_DEPTH = 3;
const CHUNK_BYTES = 65_536;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2). */
const MAX_BYTES_PER_UNIT = 3;

/** Pieces are encoded straight into buffers as they come: no string of the whole text, no copy of it. */
class ChunkWriter {
  private readonly buffers: Buffer[] = [];
  private byteLength = 0;
  private current = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  push(text: string): void {
    if (this.used + text.length * MAX_BYTES_PER_UNIT > this.current.length) {
      this.seal();
      this.current = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * MAX_BYTES_PER_UNIT));
    }
    this.used += this.current.write(text, this.used);
  }

  finish(): JsonChunks {
    this.seal();
    return new JsonChunks(this.buffers, this.byteLength);
  }

  private seal(): void {
    if (this.used === 0) return;
    this.buffers.push(this.current.subarray(0, this.used));
    this.byteLength += this.used;
    this.used = 0;
  }
}

/** JSON.stringify's rules: toJSON first, undefined/function/symbol members left out, as array items null. */
function writeValue(value: unknown, writer: ChunkWriter, depth: number): void {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    writer.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    writer.push('[');
    for (let index = 0; index < value.length; index++) {
      if (index > 0) writer.push(',');
      writeValue(value[index], writer, depth - 1);
    }
    writer.push(']');
    return;
  }
  writer.push('{');
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    writer.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    writeValue(item, writer, depth - 1);
    first = false;
  }
  writer.push('}');
}
