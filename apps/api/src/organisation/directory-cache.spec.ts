import type { ReadModelChangeListener } from '@app/projection-runner';
import { DirectoryCache, ReadModelChanges } from './directory-cache';

interface Account {
  readonly username: string;
  readonly roles: readonly string[];
  readonly locked: boolean;
}

/** The directory read model as the cache sees it: accounts by name, each read counted; a read can be held. */
class CountingDirectory {
  readonly accounts = new Map<string, Account>();
  reads = 0;
  hold: Promise<void> | null = null;

  async read(username: string): Promise<Account | null> {
    this.reads++;
    const account = this.accounts.get(username) ?? null;
    if (this.hold) await this.hold;
    return account && { ...account, roles: [...account.roles] };
  }
}

class Changes implements ReadModelChanges {
  readModelChangesLive = true;
  private listener: ReadModelChangeListener | null = null;

  watchReadModelChanges(listener: ReadModelChangeListener): () => void {
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }

  change(...names: string[]): void {
    this.listener?.(new Set(names));
  }
}

const account = (username: string, locked = false): Account => ({ username, roles: ['CLERK'], locked });

describe('DirectoryCache', () => {
  let directory: CountingDirectory;
  let changes: Changes;
  let cache: DirectoryCache;
  const find = (username: string) => cache.get(`staff:${username}`, () => directory.read(username));

  beforeEach(() => {
    directory = new CountingDirectory();
    directory.accounts.set('vanthu.ubnd', account('vanthu.ubnd'));
    changes = new Changes();
    cache = new DirectoryCache(changes);
  });

  it('reads an answer once while the directory read model stays as it was, a missing one too', async () => {
    expect(await find('vanthu.ubnd')).toMatchObject({ username: 'vanthu.ubnd', locked: false });
    expect(await find('vanthu.ubnd')).toMatchObject({ username: 'vanthu.ubnd', locked: false });
    expect(await find('nobody')).toBeNull();
    expect(await find('nobody')).toBeNull();
    expect(directory.reads).toBe(2);
  });

  it('reads again once the directory changed, not when other read models did', async () => {
    await find('vanthu.ubnd');
    directory.accounts.set('vanthu.ubnd', account('vanthu.ubnd', true));
    changes.change('incoming_documents', 'inbox');
    expect(await find('vanthu.ubnd')).toMatchObject({ locked: false });
    changes.change('directory', 'inbox');
    expect(await find('vanthu.ubnd')).toMatchObject({ locked: true });
    expect(directory.reads).toBe(2);
  });

  it('does not keep an answer whose read was under way when the directory changed', async () => {
    let release = () => undefined as void;
    directory.hold = new Promise<void>((resolve) => (release = resolve));
    const reading = find('vanthu.ubnd');
    directory.accounts.set('vanthu.ubnd', account('vanthu.ubnd', true));
    changes.change('directory');
    release();
    expect(await reading).toMatchObject({ locked: false });
    directory.hold = null;
    expect(await find('vanthu.ubnd')).toMatchObject({ locked: true });
  });

  it('keeps nothing, and uses nothing kept, while changes may go unseen', async () => {
    await find('vanthu.ubnd');
    changes.readModelChangesLive = false;
    await find('vanthu.ubnd');
    await find('vanthu.ubnd');
    expect(directory.reads).toBe(3);
  });

  it('reads again after a minute in any case', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T08:00:00Z') });
    try {
      await find('vanthu.ubnd');
      jest.setSystemTime(new Date('2026-12-05T08:00:59Z'));
      await find('vanthu.ubnd');
      expect(directory.reads).toBe(1);
      jest.setSystemTime(new Date('2026-12-05T08:01:01Z'));
      await find('vanthu.ubnd');
      expect(directory.reads).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('hands out answers that no caller can change for the next one, nested arrays included', async () => {
    const first = await find('vanthu.ubnd');
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.roles)).toBe(true);
  });

  it('keeps answers apart by key', async () => {
    directory.accounts.set('lanhdao.ubnd', account('lanhdao.ubnd'));
    await find('vanthu.ubnd');
    expect(await find('lanhdao.ubnd')).toMatchObject({ username: 'lanhdao.ubnd' });
    expect(directory.reads).toBe(2);
  });
});
