import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ReadModelChangeListener } from '@app/projection-runner';
import { directoryProjection } from '@app/projections';
import { DirectoryQueries } from '../organisation/directory.queries';
import { READ_MODEL_CHANGES } from '../runtime/tokens';
import type { Principal, PrincipalDirectory } from './principal';

/** Which read models changed, as the projection runner tells it (ReadModelChangeListener). */
export interface ReadModelChanges {
  watchReadModelChanges(listener: ReadModelChangeListener): () => void;
  /** Whether every change, from this process or another, reaches this one now. */
  readonly readModelChangesLive: boolean;
}

/** An upper bound on an entry's age, should a change ever go unseen. */
const TTL_MS = 60_000;
/** Tokens are signed, so the names are staff names; the bound only caps memory. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly principal: Principal | null;
  readonly until: number;
}

/**
 * The staff account behind every request, without a query per request: accounts are kept until the
 * directory projection applies an event (an agency or unit registered, an account created, locked or given
 * roles), and only while the change feed is live; batches of other events leave them. A change is seen
 * before any `consistentWith` waiter is released, so an account locked and waited for is refused on the
 * next request, as without the cache.
 */
@Injectable()
export class CachedPrincipalDirectory implements PrincipalDirectory, OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  /** Changes seen so far: an account read while the directory changed is not kept, it may predate the change. */
  private generation = 0;
  private readonly unwatch: () => void;

  constructor(
    @Inject(DirectoryQueries) private readonly directory: PrincipalDirectory,
    @Inject(READ_MODEL_CHANGES) private readonly changes: ReadModelChanges,
  ) {
    this.unwatch = changes.watchReadModelChanges((names) => {
      if (!names.has(directoryProjection.name)) return;
      this.generation++;
      this.entries.clear();
    });
  }

  async findByUsername(username: string): Promise<Principal | null> {
    const now = Date.now();
    const entry = this.entries.get(username);
    if (entry !== undefined && entry.until > now && this.changes.readModelChangesLive) return entry.principal;
    const generation = this.generation;
    const read = await this.directory.findByUsername(username);
    // Shared by every request of that account from now on.
    const principal = read && Object.freeze({ ...read, roles: Object.freeze([...read.roles]) });
    if (generation === this.generation && this.changes.readModelChangesLive) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(username, { principal, until: now + TTL_MS });
    }
    return principal;
  }

  onModuleDestroy(): void {
    this.unwatch();
  }
}
