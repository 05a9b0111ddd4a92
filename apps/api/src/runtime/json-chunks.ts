/**
 * A JSON text held as UTF-8 buffers of about CHUNK_CHARS characters each, never as one string.
 *
 * Why: a 100-event document history is ~170 KB of JSON with Vietnamese text, so JSON.stringify answers a
 * two-byte string of ~340 KB. V8 gives every object over 128 KB a mapping of its own in its large-object
 * space, returned to the system once the request is over, and on the benchmark machine each of its pages
 * costs a page fault of ~11 µs: flattening and encoding that one string cost ~1 ms of every history read.
 * Pieces of 16 K characters stay in the ordinary heap, their buffers in malloc's arena.
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
const CHUNK_CHARS = 16_384;

class ChunkWriter {
  private readonly buffers: Buffer[] = [];
  private byteLength = 0;
  private pending = '';

  push(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  finish(): JsonChunks {
    this.flush();
    return new JsonChunks(this.buffers, this.byteLength);
  }

  private flush(): void {
    if (this.pending === '') return;
    const buffer = Buffer.from(this.pending, 'utf8');
    this.buffers.push(buffer);
    this.byteLength += buffer.length;
    this.pending = '';
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
