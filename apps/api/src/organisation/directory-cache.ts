import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ReadModelChangeListener } from '@app/projection-runner';
import { directoryProjection } from '@app/projections';
import { READ_MODEL_CHANGES } from '../runtime/tokens';

/** Which read models changed, as the projection runner tells it (ReadModelChangeListener). */
export interface ReadModelChanges {
  watchReadModelChanges(listener: ReadModelChangeListener): () => void;
  /** Whether every change, from this process or another, reaches this one now. */
  readonly readModelChangesLive: boolean;
}

/** An upper bound on an entry's age, should a change ever go unseen. */
const TTL_MS = 60_000;
/** Keys are staff names, unit ids and agency codes of one province; the bound only caps memory. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly value: unknown;
  readonly until: number;
}

/**
 * Answers of the directory read model, without a query per request or command: the staff account behind
 * every request, and the people, units and agencies commands name. Each is kept until the directory
 * projection applies an event (an agency or unit registered, an account created, locked or given roles), and
 * only while the change feed is live; batches of other events leave them. A change is seen before any
 * `consistentWith` waiter is released, so an account locked and waited for is refused on the next request,
 * as without the cache.
 */
@Injectable()
export class DirectoryCache implements OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  /** Changes seen so far: an answer read while the directory changed is not kept, it may predate the change. */
  private generation = 0;
  private readonly unwatch: () => void;

  constructor(@Inject(READ_MODEL_CHANGES) private readonly changes: ReadModelChanges) {
    this.unwatch = changes.watchReadModelChanges((names) => {
      if (!names.has(directoryProjection.name)) return;
      this.generation++;
      this.entries.clear();
    });
  }

  /** The kept answer for `key`, or `read()`'s, frozen: it is shared by every later caller. */
  async get<T>(key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.until > now && this.changes.readModelChangesLive) return entry.value as T;
    const generation = this.generation;
    const value = deepFreeze(await read());
    if (generation === this.generation && this.changes.readModelChangesLive) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, until: now + TTL_MS });
    }
    return value;
  }

  onModuleDestroy(): void {
    this.unwatch();
  }
}

/** Rows of the read model: plain objects and arrays. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const member of Object.values(value)) deepFreeze(member);
  return Object.freeze(value);
}
