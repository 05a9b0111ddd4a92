import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { CheckpointMoveListener } from '@app/projection-runner';
import { directoryProjection } from '@app/projections';
import { DirectoryQueries } from '../organisation/directory.queries';
import { READ_MODEL_MOVES } from '../runtime/tokens';
import type { Principal, PrincipalDirectory } from './principal';

/** Which read models changed, as the projections' checkpoints tell it (the runner implements it). */
export interface ReadModelMoves {
  watchCheckpointMoves(listener: CheckpointMoveListener): () => void;
  /** Whether every move, from this process or another, reaches this one now. */
  readonly checkpointMovesLive: boolean;
}

/** An upper bound on an entry's age, should a move ever go unseen. */
const TTL_MS = 60_000;
/** Tokens are signed, so the names are staff names; the bound only caps memory. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly principal: Principal | null;
  readonly until: number;
}

/**
 * The staff account behind every request, without a query per request: accounts are kept until the
 * directory read model's checkpoint moves (a lock, a role change, or any batch of the projections), and
 * only while the checkpoint feed is live. A move is seen before any `consistentWith` waiter is released,
 * so an account locked and waited for is refused on the next request, as without the cache.
 */
@Injectable()
export class CachedPrincipalDirectory implements PrincipalDirectory, OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  /** Moves seen so far: an account read while the directory moved is not kept, it may predate the move. */
  private generation = 0;
  private readonly unwatch: () => void;

  constructor(
    @Inject(DirectoryQueries) private readonly directory: PrincipalDirectory,
    @Inject(READ_MODEL_MOVES) private readonly moves: ReadModelMoves,
  ) {
    this.unwatch = moves.watchCheckpointMoves((names) => {
      if (!names.has(directoryProjection.name)) return;
      this.generation++;
      this.entries.clear();
    });
  }

  async findByUsername(username: string): Promise<Principal | null> {
    const now = Date.now();
    const entry = this.entries.get(username);
    if (entry !== undefined && entry.until > now && this.moves.checkpointMovesLive) return entry.principal;
    const generation = this.generation;
    const read = await this.directory.findByUsername(username);
    // Shared by every request of that account from now on.
    const principal = read && Object.freeze({ ...read, roles: Object.freeze([...read.roles]) });
    if (generation === this.generation && this.moves.checkpointMovesLive) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(username, { principal, until: now + TTL_MS });
    }
    return principal;
  }

  onModuleDestroy(): void {
    this.unwatch();
  }
}
