import type { AllFilter, GlobalPosition } from '../event-store.port';
import type { Queryable } from './queryable';
import { eventsAfter, PageEntry, readAllPage } from './read-all';

/** A forward page of $all for one subscription, and whether events exist after it. */
export interface SubscriptionPage {
  readonly entries: readonly PageEntry[];
  /** Asked once the page is in, so in a newer snapshot than the page's (see read-all.ts eventsAfter). */
  eventsAfter(): Promise<boolean>;
}

/**
 * The store's subscriptions read their pages through here: those asking for the same page in the same turn
 * of the event loop share one query. An append notification wakes every subscription of the process (one per
 * projection group, one per process manager) and they are mostly at the same position, so each append used to
 * cost two queries per subscription (the page, then "anything after?"); now two in all. The shared page is
 * read with the union of the filters and each subscription keeps what its own filter matches (the others
 * read as skipped positions, as the SQL filter answers them).
 */
export class SharedPageReads {
  private readonly gathering = new Map<string, SharedPage>();

  constructor(private readonly db: Queryable) {}

  async page(from: GlobalPosition | 'start', filter: AllFilter, limit: number): Promise<SubscriptionPage> {
    const key = `${from}/${limit}`;
    const shared = this.gathering.get(key) ?? this.gather(key, from, limit);
    shared.filters.push(filter);
    const entries = await shared.entries;
    return { entries: entries.map((entry) => keepMatching(entry, filter)), eventsAfter: () => shared.eventsAfter() };
  }

  private gather(key: string, from: GlobalPosition | 'start', limit: number): SharedPage {
    const shared = new SharedPage(this.db, from, limit);
    this.gathering.set(key, shared);
    // Subscriptions woken by one notification all ask within this turn: the query goes out after it.
    setImmediate(() => {
      this.gathering.delete(key);
      shared.issue();
    });
    return shared;
  }
}

class SharedPage {
  readonly filters: AllFilter[] = [];
  readonly entries: Promise<PageEntry[]>;
  private start!: () => void;
  private after: Promise<boolean> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly from: GlobalPosition | 'start',
    limit: number,
  ) {
    this.entries = new Promise<void>((resolve) => (this.start = resolve)).then(() =>
      readAllPage(this.db, this.from, true, union(this.filters), limit),
    );
  }

  issue(): void {
    this.start();
  }

  eventsAfter(): Promise<boolean> {
    this.after ??= this.entries.then((entries) => eventsAfter(this.db, entries.at(-1)?.position ?? this.from));
    return this.after;
  }
}

/** What any of the filters lets through: a filter without a criterion lets everything through it. */
function union(filters: readonly AllFilter[]): AllFilter {
  const all = (pick: (filter: AllFilter) => readonly string[] | undefined): string[] | undefined =>
    filters.every((filter) => pick(filter) != null) ? [...new Set(filters.flatMap((filter) => pick(filter) ?? []))] : undefined;
  return { eventTypes: all((filter) => filter.eventTypes), streamPrefixes: all((filter) => filter.streamPrefixes) };
}

function keepMatching(entry: PageEntry, filter: AllFilter): PageEntry {
  const event = entry.event;
  if (event === null) return entry;
  const typeMatches = filter.eventTypes == null || filter.eventTypes.includes(event.type);
  const streamMatches = filter.streamPrefixes == null || filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix));
  return typeMatches && streamMatches ? entry : { position: entry.position, event: null };
}
