import { deriveEventId, uuidV5 } from './event-id';

describe('uuidV5', () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(TypeError);
  });
});

describe('deriveEventId', () => {
  const commandId = '0d9f5a4e-7d0b-4a8e-9a57-3f1f1c2b6e10';

  it('gives a retried command the same event ids', () => {
    expect(deriveEventId(commandId, 0)).toBe(deriveEventId(commandId, 0));
    expect(deriveEventId(commandId, 1)).toBe(deriveEventId(commandId, 1));
  });

  it('gives distinct ids to distinct events and commands', () => {
    const ids = new Set([deriveEventId(commandId, 0), deriveEventId(commandId, 1), deriveEventId('other-command', 0)]);
    expect(ids.size).toBe(3);
  });

  it('produces version 5, RFC variant UUIDs', () => {
    expect(deriveEventId(commandId, 7)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([-1, 1.5, Number.NaN])('rejects the index %p', (index) => {
    expect(() => deriveEventId(commandId, index)).toThrow(RangeError);
  });
});
