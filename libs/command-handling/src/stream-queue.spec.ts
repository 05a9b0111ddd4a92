import { StreamQueue } from './stream-queue';

/** A piece of work that records when it starts and finishes only when told. */
function controlled(log: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  return {
    work: () => {
      log.push(`start ${name}`);
      return done;
    },
    finish: () => finish(name),
    fail: () => fail(new Error(`${name} failed`)),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamQueue', () => {
  it('given work queued on one stream, when the first piece runs, then the next starts only after it finished, in order', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlled(log, name));

    const results = [a, b, c].map((piece) => queue.run('register-1', piece.work));
    await turn();
    expect(log).toEqual(['start a']);

    c.finish();
    b.finish();
    await turn();
    expect(log).toEqual(['start a']);

    a.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'start b', 'start c']);
  });

  it('given work on two streams, then each runs without waiting for the other', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const [one, two] = ['one', 'two'].map((name) => controlled(log, name));

    const first = queue.run('register-1', one.work);
    const second = queue.run('register-2', two.work);
    await turn();

    expect(log).toEqual(['start one', 'start two']);
    two.finish();
    expect(await second).toBe('two');
    one.finish();
    expect(await first).toBe('one');
  });

  it('given a piece that fails, then its caller gets the error and the next piece still runs', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const [bad, good] = ['bad', 'good'].map((name) => controlled(log, name));

    const failed = queue.run('register-1', bad.work);
    const next = queue.run('register-1', good.work);
    bad.fail();
    good.finish();

    await expect(failed).rejects.toThrow('bad failed');
    expect(await next).toBe('good');
  });

  it('forgets a stream once its queue is empty', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const piece = controlled(log, 'only');

    const result = queue.run('register-1', piece.work);
    expect(queue.size).toBe(1);
    piece.finish();
    await result;
    await turn();

    expect(queue.size).toBe(0);
  });
});
