import { RecentStreams, StreamState } from './recent-streams';

const decider = {};
const otherDecider = {};
const stream = (revision: bigint): StreamState<number> => ({ state: Number(revision), revision, lastHash: null, lastPosition: null, commandIds: new Set() });

describe('RecentStreams', () => {
  it('gives a kept state back only to the decider that folded it, the same way', () => {
    const recent = new RecentStreams(10);
    recent.set('s-1', decider, false, stream(3n));

    expect(recent.get('s-1', decider, false)?.revision).toBe(3n);
    expect(recent.get('s-1', otherDecider, false)).toBeUndefined();
    expect(recent.get('s-1', decider, true)).toBeUndefined();
    expect(recent.get('s-2', decider, false)).toBeUndefined();
  });

  it('lets the least recently used stream go once full', () => {
    const recent = new RecentStreams(2);
    recent.set('a', decider, false, stream(0n));
    recent.set('b', decider, false, stream(0n));
    recent.get('a', decider, false);
    recent.set('c', decider, false, stream(0n));

    expect(recent.size).toBe(2);
    expect(recent.get('b', decider, false)).toBeUndefined();
    expect(recent.get('a', decider, false)).toBeDefined();
    expect(recent.get('c', decider, false)).toBeDefined();
  });

  it('forgets a stream on request, and keeps nothing at capacity 0', () => {
    const recent = new RecentStreams(2);
    recent.set('a', decider, false, stream(1n));
    recent.forget('a');
    const none = new RecentStreams(0);
    none.set('a', decider, false, stream(1n));

    expect(recent.get('a', decider, false)).toBeUndefined();
    expect(none.size).toBe(0);
  });
});
