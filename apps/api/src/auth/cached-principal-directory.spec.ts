import type { ReadModelChangeListener } from '@app/projection-runner';
import { CachedPrincipalDirectory, ReadModelChanges } from './cached-principal-directory';
import type { Principal, PrincipalDirectory } from './principal';

/** The directory read model as the cache sees it: accounts by name, each read counted; a read can be held. */
class CountingDirectory implements PrincipalDirectory {
  readonly accounts = new Map<string, Principal>();
  reads = 0;
  hold: Promise<void> | null = null;

  async findByUsername(username: string): Promise<Principal | null> {
    this.reads++;
    const account = this.accounts.get(username) ?? null;
    if (this.hold) await this.hold;
    return account;
  }
}

class Moves implements ReadModelChanges {
  readModelChangesLive = true;
  private listener: ReadModelChangeListener | null = null;

  watchReadModelChanges(listener: ReadModelChangeListener): () => void {
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }

  move(...names: string[]): void {
    this.listener?.(new Set(names));
  }
}

const account = (username: string, locked = false): Principal => ({
  username, fullName: 'Trần Thị Thư', position: 'Văn thư', agencyCode: '000.00.01.H57', unitId: null, roles: ['CLERK'], locked,
}) as Principal;

describe('CachedPrincipalDirectory', () => {
  let directory: CountingDirectory;
  let moves: Moves;
  let cache: CachedPrincipalDirectory;

  beforeEach(() => {
    directory = new CountingDirectory();
    directory.accounts.set('vanthu.ubnd', account('vanthu.ubnd'));
    moves = new Moves();
    cache = new CachedPrincipalDirectory(directory, moves);
  });

  it('reads an account once while the directory read model stays as it was', async () => {
    expect(await cache.findByUsername('vanthu.ubnd')).toMatchObject({ username: 'vanthu.ubnd', locked: false });
    expect(await cache.findByUsername('vanthu.ubnd')).toMatchObject({ username: 'vanthu.ubnd', locked: false });
    expect(await cache.findByUsername('nobody')).toBeNull();
    expect(await cache.findByUsername('nobody')).toBeNull();
    expect(directory.reads).toBe(2);
  });

  it("reads again once the directory's checkpoint moved, not when another read model's did", async () => {
    await cache.findByUsername('vanthu.ubnd');
    directory.accounts.set('vanthu.ubnd', account('vanthu.ubnd', true));
    moves.move('incoming_documents', 'inbox');
    expect(await cache.findByUsername('vanthu.ubnd')).toMatchObject({ locked: false });
    moves.move('directory', 'inbox');
    expect(await cache.findByUsername('vanthu.ubnd')).toMatchObject({ locked: true });
    expect(directory.reads).toBe(2);
  });

  it('does not keep an account whose read was under way when the directory moved', async () => {
    let release = () => undefined as void;
    directory.hold = new Promise<void>((resolve) => (release = resolve));
    const reading = cache.findByUsername('vanthu.ubnd');
    directory.accounts.set('vanthu.ubnd', account('vanthu.ubnd', true));
    moves.move('directory');
    release();
    expect(await reading).toMatchObject({ locked: false });
    directory.hold = null;
    expect(await cache.findByUsername('vanthu.ubnd')).toMatchObject({ locked: true });
  });

  it('keeps nothing, and uses nothing kept, while moves may go unseen', async () => {
    await cache.findByUsername('vanthu.ubnd');
    moves.readModelChangesLive = false;
    await cache.findByUsername('vanthu.ubnd');
    await cache.findByUsername('vanthu.ubnd');
    expect(directory.reads).toBe(3);
  });

  it('reads an account again after a minute in any case', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T08:00:00Z') });
    try {
      await cache.findByUsername('vanthu.ubnd');
      jest.setSystemTime(new Date('2026-12-05T08:00:59Z'));
      await cache.findByUsername('vanthu.ubnd');
      expect(directory.reads).toBe(1);
      jest.setSystemTime(new Date('2026-12-05T08:01:01Z'));
      await cache.findByUsername('vanthu.ubnd');
      expect(directory.reads).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('hands out accounts that no request can change for the next one', async () => {
    const first = await cache.findByUsername('vanthu.ubnd');
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.roles)).toBe(true);
  });
});
