import type { GlobalPosition } from '@app/event-store';
import { Client, Pool } from 'pg';
import { ProjectionTimeoutError, toError, UnknownProjectionError } from './errors';
import { ProjectionLogger, silentLogger } from './logger';
import { Checkpoint, isAfter } from './positions';
import { CHECKPOINTS_CHANNEL, CheckpointsPayload, readCheckpoints, WANTED_CHANNEL, WantedPayload } from './runner-tables';

export interface CheckpointWatcherOptions {
  readonly pool: Pool;
  /** The projections `waitForPosition` waits for (all of them unless a call names a subset). */
  readonly names: readonly string[];
  /** While someone waits and the LISTEN connection is down, checkpoints are re-read this often. */
  readonly pollMs?: number;
  readonly logger?: ProjectionLogger;
}

/**
 * Told which projections' read models may have changed: those that applied events in a committed batch,
 * any whose checkpoint was found moved by reading the table (what it passed is not known), and after a lost
 * LISTEN connection every projection.
 */
export type ReadModelChangeListener = (names: ReadonlySet<string>) => void;

/** How long after a lost LISTEN connection the watcher tries again, while anyone watches changes. */
const RELISTEN_MS = 1_000;

interface Waiter {
  readonly position: GlobalPosition;
  readonly names: readonly string[];
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Read-your-writes across processes: learns checkpoints from the runner's NOTIFYs (LISTEN on a
 * connection of its own), from `observe()` in the runner's own process, and by polling the
 * checkpoints table while a wait is pending and the LISTEN connection is down. Checkpoints only move forward.
 */
export class CheckpointWatcher {
  private readonly positions = new Map<string, Checkpoint>();
  private readonly waiters = new Set<Waiter>();
  private readonly changeListeners = new Set<ReadModelChangeListener>();
  private relistenTimer: NodeJS.Timeout | null = null;
  private readonly pollMs: number;
  private readonly logger: ProjectionLogger;
  private loaded = false;
  private listening: Promise<void> | null = null;
  private listener: Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: CheckpointWatcherOptions) {
    this.pollMs = options.pollMs ?? 500;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Feeds checkpoints committed in this process, or NOTIFYed by any, with the projections that applied events
   * in that transaction. Both may arrive for one commit: only the first moves a checkpoint and tells of changes.
   */
  observe(moved: ReadonlyMap<string, GlobalPosition> | Readonly<Record<string, GlobalPosition>>, changed: Iterable<string>): void {
    const entries = moved instanceof Map ? [...moved] : Object.entries(moved);
    const names = new Set<string>();
    for (const [name, position] of entries) {
      if (this.positions.has(name) && isAfter(position, this.positions.get(name) ?? null)) {
        this.positions.set(name, position);
        names.add(name);
      }
    }
    this.changed(new Set([...changed].filter((name) => names.has(name))));
    this.settle();
  }

  /**
   * Calls `listener` with the projections whose read models may have changed (ReadModelChangeListener), in
   * this process or any other, until the returned function is called; before any waiter of those checkpoints
   * is released. While anyone watches, the LISTEN connection is kept open (re-opened after a loss).
   */
  watchChanges(listener: ReadModelChangeListener): () => void {
    this.changeListeners.add(listener);
    void this.listen();
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  /** Whether changes committed by any process reach this watcher now: its LISTEN connection is up. */
  get live(): boolean {
    return this.listener !== null;
  }

  /** Resolves once every projection (or each of `names`) is at or past `position`. */
  async waitForPosition(position: GlobalPosition, timeoutMs: number, names = this.options.names): Promise<void> {
    const unknown = names.find((name) => !this.options.names.includes(name));
    if (unknown !== undefined) throw new UnknownProjectionError(unknown, this.options.names);
    if (this.loaded && this.reached(position, names)) return;
    const deadline = Date.now() + timeoutMs;
    await this.listen();
    if (this.reached(position, names)) return;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new ProjectionTimeoutError(position, timeoutMs, this.lagging(position, names)));
      }, Math.max(0, deadline - Date.now()));
      const waiter: Waiter = { position, names, resolve, reject, timer };
      this.waiters.add(waiter);
      this.startPolling();
      const wanted: WantedPayload = { position, timeoutMs: Math.max(0, deadline - Date.now()) };
      this.options.pool.query('SELECT pg_notify($1, $2)', [WANTED_CHANNEL, JSON.stringify(wanted)]).catch((error: unknown) =>
        this.logger.warn('Could not notify the projector of a wait', { error: toError(error) }),
      );
    });
  }

  /** Current checkpoints as last learned (loaded from the table on first use). */
  async checkpoints(): Promise<ReadonlyMap<string, Checkpoint>> {
    if (!this.loaded) await this.refresh();
    return new Map(this.positions);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('The checkpoint watcher was closed'));
    }
    this.waiters.clear();
    this.changeListeners.clear();
    if (this.relistenTimer) clearTimeout(this.relistenTimer);
    this.relistenTimer = null;
    this.stopPolling();
    const listener = this.listener;
    this.listener = null;
    this.listening = null;
    await listener?.end().catch(() => undefined);
  }

  private listen(): Promise<void> {
    this.listening ??= this.connectListener().catch((error: unknown) => {
      // Waiting still works by polling; the next wait (or the re-listen timer) tries to listen again.
      this.listening = null;
      this.logger.warn('Could not LISTEN for projection checkpoints; polling instead', { error: toError(error) });
      this.relistenLater();
      return this.refresh();
    });
    return this.listening;
  }

  /** Changes may have been missed: every projection counts as changed, and while anyone watches, listen again. */
  private lostListener(client: Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.listening = null;
    this.changed(new Set(this.options.names));
    this.relistenLater();
  }

  private relistenLater(): void {
    if (this.closed || this.changeListeners.size === 0 || this.relistenTimer) return;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = null;
      if (this.changeListeners.size > 0) void this.listen();
    }, RELISTEN_MS);
    this.relistenTimer.unref();
  }

  private changed(names: ReadonlySet<string>): void {
    if (names.size === 0) return;
    for (const listener of this.changeListeners) listener(names);
  }

  private async connectListener(): Promise<void> {
    const client = new Client(this.options.pool.options);
    client.on('notification', (message) => {
      if (message.channel === CHECKPOINTS_CHANNEL && message.payload) {
        const { moved, changed } = JSON.parse(message.payload) as CheckpointsPayload;
        this.observe(moved, changed);
      }
    });
    client.on('error', (error) => {
      this.logger.warn('Lost the LISTEN connection for projection checkpoints', { error });
      this.lostListener(client);
      client.end().catch(() => undefined);
    });
    client.on('end', () => this.lostListener(client));
    await client.connect();
    await client.query(`LISTEN ${CHECKPOINTS_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.listener = client;
    // Read after LISTEN so no commit falls between the read and the first notification.
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const stored = await readCheckpoints(this.options.pool, this.options.names);
    const names = new Set<string>();
    for (const name of this.options.names) {
      const position = stored.get(name) ?? null;
      if (!this.positions.has(name) || isAfter(position, this.positions.get(name) ?? null)) {
        this.positions.set(name, position);
        names.add(name);
      }
    }
    this.loaded = true;
    this.changed(names);
    this.settle();
  }

  private settle(): void {
    for (const waiter of this.waiters) {
      if (!this.reached(waiter.position, waiter.names)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve();
    }
    if (this.waiters.size === 0) this.stopPolling();
  }

  private reached(position: GlobalPosition, names: readonly string[]): boolean {
    return names.every((name) => {
      const checkpoint = this.positions.get(name) ?? null;
      return checkpoint !== null && checkpoint >= position;
    });
  }

  private lagging(position: GlobalPosition, names: readonly string[]) {
    return names
      .map((name) => ({ name, checkpoint: this.positions.get(name) ?? null }))
      .filter(({ checkpoint }) => checkpoint === null || checkpoint < position);
  }

  private startPolling(): void {
    this.pollTimer ??= setInterval(() => {
      // While listening, every commit's NOTIFY arrives, and tells what changed; a move read from the table
      // would have to count as a change of every read model it passed.
      if (this.live) return;
      this.refresh().catch((error: unknown) => this.logger.warn('Could not read projection checkpoints', { error: toError(error) }));
    }, this.pollMs);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }
}
