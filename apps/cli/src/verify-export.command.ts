import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/*
 * Verifies an event export (NDJSON, see export-events.command.ts) with nothing but Node's standard library:
 * this file imports only `node:` modules and re-implements the canonical JSON and the hash of an event
 * from their specification in docs/audit.md, so an auditor can trust it without trusting the rest of
 * the code base, and can compare it with their own implementation line by line.
 */

/** JSON with object keys sorted by UTF-16 code units, no whitespace, strings and numbers as JSON.stringify writes them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`${typeof value} is not a JSON value`);
}

/** One line of an export. */
export interface ExportedEvent {
  readonly streamId: string;
  /** Decimal string. */
  readonly revision: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** SHA-256 (hex) of the canonical JSON of { streamId, revision, type, data, metadata without hash, previousHash }. */
export function eventHash(event: ExportedEvent, previousHash: string | null): string {
  const { hash: _hash, ...metadata } = event.metadata;
  const hashed = { streamId: event.streamId, revision: event.revision, type: event.type, data: event.data, metadata, previousHash };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

export interface StreamVerdict {
  readonly streamId: string;
  readonly eventCount: number;
  readonly firstRevision: string;
  readonly lastRevision: string;
  /** The previousHash the first event links to: null when the export starts at the stream's first event. */
  readonly anchor: string | null;
  readonly lastHash: string | null;
  readonly brokenAtRevision: string | null;
  readonly problem: string | null;
}

export interface ExportVerification {
  readonly valid: boolean;
  readonly streams: readonly StreamVerdict[];
  /** Lines that are not an exported event at all. */
  readonly unreadableLines: readonly number[];
}

interface Chain {
  streamId: string;
  eventCount: number;
  firstRevision: bigint;
  expected: bigint;
  anchor: string | null;
  previous: string | null;
  brokenAtRevision: string | null;
  problem: string | null;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseLine(line: string): ExportedEvent | null {
  try {
    const value: unknown = JSON.parse(line);
    if (!isRecord(value)) return null;
    const { streamId, revision, type, data, metadata } = value;
    const wellFormed = isText(streamId) && isText(revision) && /^\d+$/.test(revision) && isText(type) && isRecord(data) && isRecord(metadata);
    return wellFormed ? { streamId, revision, type, data, metadata } : null;
  } catch {
    return null;
  }
}

/** The first problem of `event` as the next link of `chain`, or null when it links and its hash holds. */
function linkProblem(chain: Chain, event: ExportedEvent): string | null {
  const { hash, previousHash } = event.metadata;
  if (BigInt(event.revision) !== chain.expected) return `revision ${event.revision} where ${chain.expected} was expected (an event is missing or out of order)`;
  if (previousHash !== chain.previous) return 'previousHash does not name the hash of the previous event';
  if (!isText(hash)) return 'the event has no hash';
  if (hash !== eventHash(event, chain.previous)) return 'the hash does not match the content (the event was altered)';
  return null;
}

function startChain(event: ExportedEvent): Chain {
  const revision = BigInt(event.revision);
  // A stream's first event links to nothing; an export that starts later is anchored where it starts.
  const stated = event.metadata.previousHash;
  const anchor = revision === 0n ? null : isText(stated) ? stated : null;
  const chain: Chain = {
    streamId: event.streamId, eventCount: 0, firstRevision: revision, expected: revision, anchor, previous: anchor, brokenAtRevision: null, problem: null,
  };
  if (revision !== 0n && !isText(stated)) {
    chain.brokenAtRevision = event.revision;
    chain.problem = 'the first exported event states no previousHash to anchor on';
  }
  return chain;
}

function verdict(chain: Chain): StreamVerdict {
  return {
    streamId: chain.streamId,
    eventCount: chain.eventCount,
    firstRevision: chain.firstRevision.toString(),
    lastRevision: (chain.expected - 1n).toString(),
    anchor: chain.anchor,
    lastHash: chain.brokenAtRevision === null ? chain.previous : null,
    brokenAtRevision: chain.brokenAtRevision,
    problem: chain.problem,
  };
}

/** Verifies every stream of an export, in the order its lines are in the file (each stream's events in revision order). */
export async function verifyExportFile(path: string): Promise<ExportVerification> {
  const chains = new Map<string, Chain>();
  const unreadableLines: number[] = [];
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const event = parseLine(line);
    if (event === null) {
      unreadableLines.push(lineNumber);
      continue;
    }
    let chain = chains.get(event.streamId);
    if (!chain) {
      chain = startChain(event);
      chains.set(event.streamId, chain);
    }
    chain.eventCount += 1;
    if (chain.brokenAtRevision !== null) continue;
    const problem = linkProblem(chain, event);
    if (problem !== null) {
      chain.brokenAtRevision = event.revision;
      chain.problem = problem;
      continue;
    }
    chain.previous = event.metadata.hash as string;
    chain.expected += 1n;
  }
  const streams = [...chains.values()].map(verdict);
  return { valid: unreadableLines.length === 0 && streams.every((s) => s.brokenAtRevision === null), streams, unreadableLines };
}

/** One line per stream, then a total, as `verify-export` prints them. */
export function formatVerification(result: ExportVerification): string {
  const lines = result.streams.map((s) =>
    s.brokenAtRevision === null
      ? `${s.streamId}: valid, revisions ${s.firstRevision}..${s.lastRevision} (${s.eventCount} events), ` +
        `${s.anchor === null ? 'from the stream start' : `anchored on ${s.anchor}`}, last hash ${s.lastHash}`
      : `${s.streamId}: BROKEN at revision ${s.brokenAtRevision}: ${s.problem}`,
  );
  for (const line of result.unreadableLines) lines.push(`line ${line}: not an exported event`);
  const broken = result.streams.filter((s) => s.brokenAtRevision !== null).length;
  const events = result.streams.reduce((sum, s) => sum + s.eventCount, 0);
  lines.push(
    `${result.streams.length} streams, ${events} events: ` +
      (result.valid ? 'all valid' : `${broken} broken, ${result.unreadableLines.length} unreadable lines`),
  );
  return lines.join('\n');
}

/** `verify-export <file>`: prints the verdicts; the exit code is 1 when anything is broken. */
export async function verifyExportCommand(path: string): Promise<string> {
  const result = await verifyExportFile(path);
  if (!result.valid) process.exitCode = 1;
  return formatVerification(result);
}
