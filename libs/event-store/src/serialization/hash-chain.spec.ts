import type { NewEvent, RecordedEvent } from '../event-store.port';
import { computeEventHash } from './event-hash';
import { sealEvents, verifyChain } from './hash-chain';

const STREAM = 'document-42';

function newEvent(type: string, data: Record<string, unknown>): NewEvent {
  return { eventId: `id-${type}`, type, data, metadata: { actor: { userId: 'u1' }, schemaVersion: 1 } };
}

/** What the store gives back: the sealed events at consecutive revisions, with jsonb's key order. */
function recorded(events: readonly NewEvent[], firstRevision = 0n): RecordedEvent[] {
  const reorder = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).reverse());
  return events.map((event, i) => ({
    streamId: STREAM,
    revision: firstRevision + BigInt(i),
    position: `p${i}`,
    eventId: event.eventId,
    type: event.type,
    data: reorder(event.data),
    metadata: reorder(event.metadata),
    recordedAt: new Date(),
  }));
}

const history = sealEvents(STREAM, 0n, null, [
  newEvent('DocumentReceived', { subject: 'Công văn số 12', pages: 3 }),
  newEvent('DocumentRegistered', { number: 'CV-12/2025' }),
  newEvent('DocumentAssigned', { to: 'u7' }),
  newEvent('DocumentCompleted', {}),
]);

describe('computeEventHash', () => {
  const fields = { streamId: STREAM, revision: 3n, type: 'T', data: { a: 1 }, metadata: { m: 'x' }, previousHash: null };

  it('is a SHA-256 hex digest that ignores a hash already in the metadata', () => {
    const hash = computeEventHash(fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeEventHash({ ...fields, metadata: { m: 'x', hash: 'whatever' } })).toBe(hash);
  });

  it('covers every hashed field', () => {
    const hash = computeEventHash(fields);
    const variants = [
      { ...fields, streamId: 'other' },
      { ...fields, revision: 4n },
      { ...fields, type: 'U' },
      { ...fields, data: { a: 2 } },
      { ...fields, metadata: { m: 'y' } },
      { ...fields, previousHash: 'ab' },
    ];
    for (const variant of variants) expect(computeEventHash(variant)).not.toBe(hash);
  });
});

describe('sealEvents', () => {
  it('chains each event to its predecessor through metadata', () => {
    expect(history[0].metadata.previousHash).toBeNull();
    for (let i = 1; i < history.length; i++) expect(history[i].metadata.previousHash).toBe(history[i - 1].metadata.hash);
  });

  it('keeps ids, types, data and the caller metadata', () => {
    expect(history[1]).toMatchObject({
      eventId: 'id-DocumentRegistered',
      type: 'DocumentRegistered',
      data: { number: 'CV-12/2025' },
      metadata: { actor: { userId: 'u1' }, schemaVersion: 1 },
    });
  });

  it('continues an existing chain', () => {
    const [next] = sealEvents(STREAM, 4n, history[3].metadata.hash as string, [newEvent('DocumentArchived', {})]);
    expect(verifyChain(recorded([...history, next]))).toEqual({ valid: true, eventCount: 5, brokenAtRevision: null });
  });
});

describe('verifyChain', () => {
  it('accepts an untouched history, whatever key order the store returns', () => {
    expect(verifyChain(recorded(history))).toEqual({ valid: true, eventCount: 4, brokenAtRevision: null });
  });

  it('accepts an empty history', () => {
    expect(verifyChain([])).toEqual({ valid: true, eventCount: 0, brokenAtRevision: null });
  });

  it('finds an event whose data was altered in the database', () => {
    const events = recorded(history);
    events[1] = { ...events[1], data: { number: 'CV-13/2025' } };
    expect(verifyChain(events)).toEqual({ valid: false, eventCount: 4, brokenAtRevision: 1n });
  });

  it('finds an altered event even when its hash was recomputed, at the next event', () => {
    const events = recorded(history);
    const data = { number: 'CV-13/2025' };
    const hash = computeEventHash({ ...events[1], data, previousHash: events[1].metadata.previousHash as string });
    events[1] = { ...events[1], data, metadata: { ...events[1].metadata, hash } };
    expect(verifyChain(events).brokenAtRevision).toBe(2n);
  });

  it('finds a removed event', () => {
    const events = recorded(history);
    expect(verifyChain([events[0], events[2], events[3]])).toMatchObject({ valid: false, brokenAtRevision: 2n });
  });

  it('finds a first event that does not start the chain', () => {
    const events = recorded(history);
    events[0] = { ...events[0], metadata: { ...events[0].metadata, previousHash: 'ff' } };
    expect(verifyChain(events).brokenAtRevision).toBe(0n);
  });

  it('finds an event without a hash', () => {
    const events = recorded(history);
    const { hash: _hash, ...metadata } = events[3].metadata;
    events[3] = { ...events[3], metadata };
    expect(verifyChain(events).brokenAtRevision).toBe(3n);
  });

  it('verifies a slice anchored on the previous hash of its first event', () => {
    expect(verifyChain(recorded(history).slice(2))).toEqual({ valid: true, eventCount: 2, brokenAtRevision: null });
  });
});
