import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { canonicalJson as libCanonicalJson, computeEventHash, NewEvent, sealEvents } from '@app/event-store';
import { canonicalJson, eventHash, formatVerification, verifyExportFile } from './verify-export.command';

const dir = mkdtempSync(join(tmpdir(), 'verify-export-'));
let fileCount = 0;

/** An export (NDJSON) of sealed events, as export-events writes it. */
function exportOf(streamId: string, firstRevision: bigint, previousHash: string | null, events: readonly NewEvent[]): string[] {
  return sealEvents(streamId, firstRevision, previousHash, events).map((event, i) =>
    JSON.stringify({
      streamId,
      revision: (firstRevision + BigInt(i)).toString(),
      position: `${i}`.padStart(20, '0'),
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      recordedAt: new Date(0).toISOString(),
    }),
  );
}

function file(lines: readonly string[]): string {
  const path = join(dir, `export-${(fileCount += 1)}.ndjson`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: `id-${type}`,
  type,
  data,
  metadata: { actor: { username: 'vanthu.ubnd', fullName: 'Trần Thị Thư', role: 'CLERK' }, occurredAt: '2026-11-16T08:00:00+07:00', schemaVersion: 1 },
});

const document = [
  event('IncomingDocumentReceived', { subject: 'Quyết định về việc “kiện toàn” tổ chức', pages: 3, ratio: 0.1, nested: { z: [1, null, true], a: 'é' } }),
  event('IncomingDocumentRegistered', { arrivalNumber: 12, registerCode: 'DEN', year: 2026 }),
  event('IncomingDocumentAssigned', { assignees: [{ role: 'LEAD', unitId: 'ubnd-th' }], instruction: '' }),
];

describe('the standalone verifier agrees with libs/event-store', () => {
  it('writes the same canonical JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(libCanonicalJson(value))));
  });

  it('computes the same event hash', () => {
    const arbitraryEvent = fc.record({
      streamId: fc.string({ minLength: 1 }),
      revision: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
      type: fc.string({ minLength: 1 }),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
      metadata: fc.dictionary(fc.string(), fc.jsonValue()),
      previousHash: fc.option(fc.string(), { nil: null }),
    });
    fc.assert(
      fc.property(arbitraryEvent, (e) => {
        const exported = { streamId: e.streamId, revision: e.revision.toString(), type: e.type, data: e.data, metadata: e.metadata };
        expect(eventHash(exported, e.previousHash)).toBe(computeEventHash(e));
      }),
    );
  });

  it('reproduces the hashes the command handler seals events with', () => {
    const lines = exportOf('incoming-42', 0n, null, document).map((line) => JSON.parse(line));
    lines.forEach((line, i) => expect(eventHash(line, i === 0 ? null : lines[i - 1].metadata.hash)).toBe(line.metadata.hash));
  });
});

describe('verifyExportFile', () => {
  const lines = exportOf('incoming-42', 0n, null, document);

  it('accepts an untouched export and names its last hash', async () => {
    const result = await verifyExportFile(file(lines));
    expect(result.valid).toBe(true);
    expect(result.streams).toEqual([
      {
        streamId: 'incoming-42', eventCount: 3, firstRevision: '0', lastRevision: '2', anchor: null,
        lastHash: JSON.parse(lines[2]).metadata.hash, brokenAtRevision: null, problem: null,
      },
    ]);
    expect(formatVerification(result)).toMatch(/^incoming-42: valid, revisions 0\.\.2 \(3 events\), from the stream start, last hash [0-9a-f]{64}\n1 streams, 3 events: all valid$/);
  });

  it('finds an altered event at its revision', async () => {
    const altered = [...lines];
    altered[1] = altered[1].replace('"arrivalNumber":12', '"arrivalNumber":13');
    const result = await verifyExportFile(file(altered));
    expect(result.valid).toBe(false);
    expect(result.streams[0]).toMatchObject({ brokenAtRevision: '1', problem: expect.stringContaining('altered') });
    expect(formatVerification(result)).toContain('incoming-42: BROKEN at revision 1');
  });

  it('finds a removed event at the next revision, and reordered lines', async () => {
    expect((await verifyExportFile(file([lines[0], lines[2]]))).streams[0]).toMatchObject({ brokenAtRevision: '2' });
    expect((await verifyExportFile(file([lines[1], lines[0], lines[2]]))).streams[0]).toMatchObject({ brokenAtRevision: '0' });
  });

  it('verifies a slice anchored on the previous hash of its first event, and each stream on its own', async () => {
    const anchor = JSON.parse(lines[2]).metadata.hash as string;
    const later = exportOf('incoming-42', 3n, anchor, [event('IncomingProcessingStarted', {})]);
    const other = exportOf('incoming-43', 0n, null, document);
    const result = await verifyExportFile(file([other[0], ...later, other[1], other[2]]));
    expect(result.valid).toBe(true);
    expect(result.streams).toEqual([
      expect.objectContaining({ streamId: 'incoming-43', eventCount: 3, anchor: null }),
      expect.objectContaining({ streamId: 'incoming-42', eventCount: 1, firstRevision: '3', anchor }),
    ]);
  });

  it('reports lines that are not exported events', async () => {
    const result = await verifyExportFile(file([lines[0], '{"streamId":"incoming-42"}', 'not json', lines[1], lines[2]]));
    expect(result).toMatchObject({ valid: false, unreadableLines: [2, 3] });
    expect(formatVerification(result)).toContain('line 3: not an exported event');
  });

  it('imports nothing but node: modules', () => {
    const source = readFileSync(join(__dirname, 'verify-export.command.ts'), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((name) => name.startsWith('node:'))).toBe(true);
    expect(source).not.toMatch(/require\(/);
  });
});
