import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Environment } from '@app/config';
import { incomingStream, isIsoInstant, instantMillis, outgoingStream } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { UsageError } from './token.command';
import { withEventStore } from './with-event-store';

const USAGE =
  'usage: npm run cli -- export-events --document <id> [--out file]\n' +
  '       npm run cli -- export-events --agency <code> --from <iso> --to <iso> [--out file]';

export type ExportSelection =
  | { readonly by: 'document'; readonly documentId: string }
  /** [from, to): ISO 8601 instants with offset. */
  | { readonly by: 'agency'; readonly agencyCode: string; readonly from: string; readonly to: string };

export function parseExportArgs(args: readonly string[]): { selection: ExportSelection; out: string | null } {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (!/^--(document|agency|from|to|out)$/.test(name) || value === undefined || options.has(name)) throw new UsageError(USAGE);
    options.set(name, value);
  }
  const out = options.get('--out') ?? null;
  const documentId = options.get('--document');
  const [agencyCode, from, to] = [options.get('--agency'), options.get('--from'), options.get('--to')];
  if (documentId !== undefined && agencyCode === undefined && from === undefined && to === undefined) {
    return { selection: { by: 'document', documentId }, out };
  }
  if (documentId === undefined && agencyCode !== undefined && from !== undefined && to !== undefined) {
    if (!isIsoInstant(from) || !isIsoInstant(to)) throw new UsageError(`--from and --to must be ISO 8601 instants with offset, e.g. 2026-01-01T00:00:00+07:00\n${USAGE}`);
    return { selection: { by: 'agency', agencyCode, from, to }, out };
  }
  throw new UsageError(USAGE);
}

/** One NDJSON line: the event as stored; the revision as a decimal string (JSON has no 64-bit integers). */
export function exportLine(event: RecordedEvent): string {
  return JSON.stringify({
    streamId: event.streamId,
    revision: event.revision.toString(),
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  });
}

/**
 * The events to export, stream by stream, each stream's events in revision order:
 * - a document: its whole stream (incoming or outgoing), from revision 0;
 * - an agency: every stream with an event in [from, to) (by metadata occurredAt) whose data `agencyCode` or
 *   metadata `actor.agencyCode` is the agency's. $all is read once from the start to find them; each is
 *   exported from its first to its last event in the range, a contiguous slice whose chain verifies from the
 *   previousHash of its first event (docs/audit.md, "Exports").
 */
export async function* exportedEvents(store: EventStore, selection: ExportSelection): AsyncGenerator<RecordedEvent> {
  if (selection.by === 'document') {
    for (const streamId of [incomingStream(selection.documentId), outgoingStream(selection.documentId)]) {
      yield* store.readStream(streamId);
    }
    return;
  }
  for (const [streamId, span] of await agencySpans(store, selection)) {
    yield* store.readStream(streamId, { fromRevision: span.first, maxCount: Number(span.last - span.first) + 1 });
  }
}

interface Span {
  first: bigint;
  last: bigint;
  ofAgency: boolean;
}

async function agencySpans(store: EventStore, selection: Extract<ExportSelection, { by: 'agency' }>): Promise<[string, Span][]> {
  const [from, to] = [instantMillis(selection.from), instantMillis(selection.to)];
  const spans = new Map<string, Span>();
  for await (const event of store.readAll('start')) {
    const at = occurredAt(event);
    if (at < from || at >= to) continue;
    const span = spans.get(event.streamId) ?? { first: event.revision, last: event.revision, ofAgency: false };
    span.first = event.revision < span.first ? event.revision : span.first;
    span.last = event.revision > span.last ? event.revision : span.last;
    span.ofAgency ||= event.data.agencyCode === selection.agencyCode || actorAgency(event) === selection.agencyCode;
    spans.set(event.streamId, span);
  }
  return [...spans].filter(([, span]) => span.ofAgency);
}

function occurredAt(event: RecordedEvent): number {
  const value = event.metadata.occurredAt;
  return isIsoInstant(value) ? instantMillis(value) : event.recordedAt.getTime();
}

function actorAgency(event: RecordedEvent): unknown {
  const actor = event.metadata.actor;
  return typeof actor === 'object' && actor !== null ? (actor as Record<string, unknown>).agencyCode : undefined;
}

export interface ExportSummary {
  readonly events: number;
  readonly streams: number;
}

/** Writes the export to `out`, one line per event. */
export async function writeExport(store: EventStore, selection: ExportSelection, out: string): Promise<ExportSummary> {
  const file = createWriteStream(out, { encoding: 'utf8' });
  const streams = new Set<string>();
  let events = 0;
  try {
    for await (const event of exportedEvents(store, selection)) {
      if (!file.write(`${exportLine(event)}\n`)) await once(file, 'drain');
      streams.add(event.streamId);
      events += 1;
    }
  } finally {
    file.end();
    await once(file, 'close');
  }
  return { events, streams: streams.size };
}

/** `export-events`: to `--out`, or to standard output (the text returned) without it. */
export async function exportEventsCommand(env: Environment, args: readonly string[]): Promise<string> {
  const { selection, out } = parseExportArgs(args);
  return withEventStore(env, async (store) => {
    if (out === null) {
      const lines: string[] = [];
      for await (const event of exportedEvents(store, selection)) lines.push(exportLine(event));
      requireEvents(lines.length, selection);
      return lines.join('\n');
    }
    const { events, streams } = await writeExport(store, selection, out);
    requireEvents(events, selection);
    return `Exported ${events} events of ${streams} streams to ${out}`;
  });
}

/** An empty agency export is an answer; an empty document export means there is no such document. */
function requireEvents(count: number, selection: ExportSelection): void {
  if (count === 0 && selection.by === 'document') throw new UsageError(`No document ${selection.documentId} in the event store`);
}
