import type { Pool } from 'pg';
import { CommandHandler } from '@app/command-handling';
import { type EventStore, Upcasters } from '@app/event-store';
import { jsonLogger, type ProjectionLogger } from '@app/projection-runner';
import { LoopSettings, ManagerLoop, ProcessManagerStatus } from './manager-loop';
import type { ProcessManager } from './process-manager';
import { ensureProcessManagerTables, readCheckpoint } from './process-manager-tables';

export interface ProcessManagerRunnerOptions extends Partial<LoopSettings> {
  /** Holds the checkpoints (and the locks); the read models' database. */
  readonly pool: Pool;
  readonly store: EventStore;
  /** The write side's command handler: the managers' commands go through it like the API's. */
  readonly handler: CommandHandler;
  readonly upcasters: Upcasters;
  readonly managers: readonly ProcessManager[];
  readonly logger?: ProjectionLogger;
  /** The time commands carry; tests may fix it. */
  readonly clock?: () => Date;
}

const DEFAULTS: LoopSettings = { lockRetryMs: 1000, retryInitialMs: 1000, retryMaxMs: 60_000 };
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Runs process managers side by side, each on its own subscription, checkpoint and lock (a slow one holds back no other). */
export class ProcessManagerRunner {
  private readonly loops: readonly ManagerLoop[];

  constructor(private readonly options: ProcessManagerRunnerOptions) {
    const names = options.managers.map((manager) => manager.name);
    const invalid = names.find((name) => !NAME.test(name));
    if (invalid !== undefined) throw new Error(`Process manager name ${JSON.stringify(invalid)} is not snake_case`);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined) throw new Error(`Process manager ${duplicate} is registered twice`);
    const deps = {
      pool: options.pool,
      store: options.store,
      handler: options.handler,
      upcasters: options.upcasters,
      logger: options.logger ?? jsonLogger({ component: 'process-managers' }),
      clock: options.clock ?? (() => new Date()),
      settings: {
        lockRetryMs: options.lockRetryMs ?? DEFAULTS.lockRetryMs,
        retryInitialMs: options.retryInitialMs ?? DEFAULTS.retryInitialMs,
        retryMaxMs: options.retryMaxMs ?? DEFAULTS.retryMaxMs,
      },
    };
    this.loops = options.managers.map((manager) => new ManagerLoop(manager, deps));
  }

  /** Creates the tables, then runs every manager in the background until `stop()`. */
  async start(): Promise<void> {
    await ensureProcessManagerTables(this.options.pool);
    for (const loop of this.loops) loop.start();
  }

  /** Lets each manager finish the events in progress, then releases the locks. */
  async stop(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  status(): ProcessManagerStatus[] {
    return this.loops.map((loop) => loop.status());
  }

  /**
   * True when no manager has an event of its types after its checkpoint. Checked twice around the store's
   * last position so that a command sent meanwhile (whose events may concern another manager) is not missed,
   * and false while an event is held back behind an open transaction (readers cannot see it yet).
   */
  async idle(): Promise<boolean> {
    const last = await this.options.store.lastPosition();
    if ((await this.options.store.headPosition()) !== last) return false;
    for (const loop of this.loops) {
      const checkpoint = await readCheckpoint(this.options.pool, loop.manager.name);
      for await (const _pending of this.options.store.readAll(checkpoint ?? 'start', { eventTypes: loop.manager.eventTypes, maxCount: 1 })) {
        return false;
      }
    }
    return (await this.options.store.lastPosition()) === last;
  }

  /** Resolves once `idle()`; rejects after `timeoutMs`. */
  async waitUntilIdle(timeoutMs: number, pollMs = 25): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.idle())) {
      if (Date.now() > deadline) throw new Error(`Process managers still busy after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

/**
 * A runner with a command handler of its own, for a process that runs only process managers (the projector, the
 * crash test); the api passes its own handler to ProcessManagerRunner instead.
 */
export function standaloneRunner(options: Omit<ProcessManagerRunnerOptions, 'handler' | 'upcasters'>): ProcessManagerRunner {
  const upcasters = new Upcasters();
  return new ProcessManagerRunner({ ...options, handler: new CommandHandler(options.store, upcasters), upcasters });
}
