import type { RecordedEvent } from '../event-store.port';
import { UpcastError, Upcasters } from './upcasters';

function stored(type: string, data: Record<string, unknown>, schemaVersion?: number): RecordedEvent {
  return {
    streamId: 'document-1',
    revision: 0n,
    position: '1:1',
    eventId: 'e1',
    type,
    data,
    metadata: schemaVersion === undefined ? { actor: 'u1' } : { actor: 'u1', schemaVersion },
    recordedAt: new Date(0),
  };
}

// DocumentReceived v1 had `sender` as a name; v2 made it an object; v3 added `urgency`.
const upcasters = new Upcasters()
  .register('DocumentReceived', 2, (data) => ({ ...data, urgency: 'normal' }))
  .register('DocumentReceived', 1, ({ sender, ...rest }) => ({ ...rest, sender: { name: sender } }));

describe('Upcasters', () => {
  it('upcasts step by step from the stored version to the current one', () => {
    const event = upcasters.upcast(stored('DocumentReceived', { subject: 'S', sender: 'Sở Nội vụ' }, 1));
    expect(event.data).toEqual({ subject: 'S', sender: { name: 'Sở Nội vụ' }, urgency: 'normal' });
    expect(event.metadata).toEqual({ actor: 'u1', schemaVersion: 3 });
  });

  it('starts from version 1 when the metadata has no schemaVersion', () => {
    expect(upcasters.upcast(stored('DocumentReceived', { sender: 'A' })).data).toEqual({ sender: { name: 'A' }, urgency: 'normal' });
  });

  it('applies only the missing steps', () => {
    const event = upcasters.upcast(stored('DocumentReceived', { sender: { name: 'A' } }, 2));
    expect(event.data).toEqual({ sender: { name: 'A' }, urgency: 'normal' });
  });

  it('returns current events and types without upcasters unchanged', () => {
    const current = stored('DocumentReceived', { sender: { name: 'A' }, urgency: 'high' }, 3);
    expect(upcasters.upcast(current)).toBe(current);
    const other = stored('DocumentFiled', { box: 1 }, 7);
    expect(upcasters.upcast(other)).toBe(other);
  });

  it('never mutates the stored event', () => {
    const event = stored('DocumentReceived', { sender: 'A' }, 1);
    upcasters.upcast(event);
    expect(event.data).toEqual({ sender: 'A' });
    expect(event.metadata.schemaVersion).toBe(1);
  });

  it('knows the version new events are written with', () => {
    expect(upcasters.currentVersion('DocumentReceived')).toBe(3);
    expect(upcasters.currentVersion('DocumentFiled')).toBe(1);
  });

  it('refuses versions it cannot upcast from', () => {
    expect(() => upcasters.upcast(stored('DocumentReceived', {}, 4))).toThrow(UpcastError);
    expect(() => upcasters.upcast(stored('DocumentReceived', {}, 0))).toThrow(UpcastError);
  });

  it('refuses a gap between steps', () => {
    const gappy = new Upcasters().register('T', 1, (d) => d).register('T', 3, (d) => d);
    expect(() => gappy.upcast(stored('T', {}, 1))).toThrow('no upcaster from version 2');
  });

  it('refuses a step registered twice or from a version below 1', () => {
    expect(() => new Upcasters().register('T', 1, (d) => d).register('T', 1, (d) => d)).toThrow(UpcastError);
    expect(() => new Upcasters().register('T', 0, (d) => d)).toThrow(UpcastError);
  });
});
