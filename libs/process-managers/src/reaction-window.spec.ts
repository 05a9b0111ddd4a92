import type { GlobalPosition } from '@app/event-store';
import type { Refusal } from './process-manager-tables';
import { ReactionWindow } from './reaction-window';

/** A piece of work the test finishes by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const refusal = (commandId: string) => ({ commandId }) as Refusal;

describe('ReactionWindow', () => {
  let commits: { position: GlobalPosition; refusals: readonly Refusal[] }[];
  let started: string[];
  let window: ReactionWindow;

  beforeEach(() => {
    commits = [];
    started = [];
    window = new ReactionWindow(4, async (position, refusals) => void commits.push({ position, refusals }));
  });

  const work = (name: string, until: Promise<void>, refusals: Refusal[] = []) => async () => {
    started.push(name);
    await until;
    return refusals;
  };

  it('runs events on different streams at once, and those on one stream one after the other', async () => {
    const a1 = gate();
    await window.add('1', ['outgoing-A'], work('a1', a1.promise));
    await window.add('2', ['outgoing-B'], work('b1', Promise.resolve()));
    await window.add('3', ['outgoing-A'], work('a2', Promise.resolve()));
    await tick();
    expect(started).toEqual(['a1', 'b1']);
    a1.open();
    await window.drain();
    expect(started).toEqual(['a1', 'b1', 'a2']);
  });

  it('moves the checkpoint only past events whose predecessors are all done, with their refusals', async () => {
    const slow = gate();
    await window.add('1', ['s1'], work('1', slow.promise, [refusal('c1')]));
    await window.add('2', ['s2'], work('2', Promise.resolve(), [refusal('c2')]));
    await window.add('3', [], work('3', Promise.resolve()));
    await tick();
    expect(commits).toEqual([]);
    slow.open();
    await window.drain();
    expect(commits.at(-1)?.position).toBe('3');
    expect(commits.flatMap((c) => c.refusals.map((r) => r.commandId))).toEqual(['c1', 'c2']);
  });

  it('after a failure starts nothing more, never commits past the failed event, and throws it', async () => {
    const failing = gate();
    await window.add('1', ['s1'], work('ok', Promise.resolve()));
    await window.add('2', ['s2'], async () => {
      await failing.promise;
      throw new Error('database gone');
    });
    await window.add('3', ['s2'], work('after', Promise.resolve()));
    failing.open();
    await expect(window.drain()).rejects.toThrow('database gone');
    expect(started).toEqual(['ok']);
    expect(commits.map((c) => c.position)).toEqual(['1']);
    await expect(window.add('4', ['s3'], work('late', Promise.resolve()))).rejects.toThrow('database gone');
  });

  it('holds the adder back while the window is full', async () => {
    const slow = gate();
    for (const position of ['1', '2', '3']) await window.add(position, ['same'], work(position, slow.promise));
    let added = false;
    const fourth = window.add('4', ['same'], work('4', Promise.resolve())).then(() => (added = true));
    await tick();
    expect(added).toBe(false);
    slow.open();
    await fourth;
    await window.drain();
    expect(commits.at(-1)?.position).toBe('4');
  });
});
