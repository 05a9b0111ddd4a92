import type { Pool } from 'pg';
import { DomainError } from '@app/domain';
import type { CommandHandler } from '@app/command-handling';
import type { EventStore, RecordedEvent, Subscription, Upcasters } from '@app/event-store';
import type { ProjectionLogger } from '@app/projection-runner';
import { toVietnamIso } from '@app/working-time';
import { AdvisoryLock } from './advisory-lock';
import type { ProcessManager, Reaction } from './process-manager';
import { readCheckpoint, recordProgress, Refusal } from './process-manager-tables';
import { ReactionWindow } from './reaction-window';

/** Events a manager handles at once (in order per stream; see ReactionWindow). */
const IN_FLIGHT = 16;

export interface LoopSettings {
  /** How often an instance on standby tries to take the lock. */
  readonly lockRetryMs: number;
  /** Backoff after a failure (database or store unavailable, a bug): doubles from the first to the last. */
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
}

export interface LoopDependencies {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly handler: CommandHandler;
  readonly upcasters: Upcasters;
  readonly logger: ProjectionLogger;
  readonly clock: () => Date;
  readonly settings: LoopSettings;
}

/** `running`: holds the lock and follows `$all`; `standby`: another instance holds it; `failed`: waiting to retry. */
export type ProcessManagerState = 'running' | 'standby' | 'failed' | 'stopped';

export interface ProcessManagerStatus {
  readonly name: string;
  readonly state: ProcessManagerState;
  readonly lastError: { readonly message: string; readonly at: Date; readonly attempts: number } | null;
}

/**
 * Runs one process manager: takes its advisory lock, follows `$all` (its event types) from its checkpoint, and
 * for each event sends the reaction's commands, then moves the checkpoint past the event. Events are handled
 * several at a time, in order on each stream their commands write to (ReactionWindow). A crash between a
 * command and the checkpoint makes the next run handle the event again: the command ids derive from the event
 * id, so the command handler finds what was appended and appends nothing. A refusal by the domain is final: it
 * is recorded with the checkpoint and the manager goes on. Any other error stops the run, which starts again
 * from the stored checkpoint after a backoff.
 */
export class ManagerLoop {
  private state: ProcessManagerState = 'stopped';
  private stopping = false;
  private loop: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  private failure: { error: Error; at: Date; attempts: number } | null = null;
  private wakeSleeper: (() => void) | null = null;

  constructor(
    readonly manager: ProcessManager,
    private readonly deps: LoopDependencies,
  ) {}

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run().finally(() => (this.loop = null));
  }

  /** Lets the events in progress finish (commands and checkpoint), then releases the lock. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.interrupt();
    await this.loop;
  }

  status(): ProcessManagerStatus {
    const { failure } = this;
    return {
      name: this.manager.name,
      state: this.loop ? this.state : 'stopped',
      lastError: failure && { message: failure.error.message, at: failure.at, attempts: failure.attempts },
    };
  }

  private async run(): Promise<void> {
    const { logger, pool, settings } = this.deps;
    const name = this.manager.name;
    while (!this.stopping) {
      let lock: AdvisoryLock | null = null;
      try {
        lock = await AdvisoryLock.open(pool, () => this.interrupt());
        if (!(await this.acquire(lock))) continue;
        this.state = 'running';
        logger.info('Process manager running', { processManager: name });
        await this.follow(lock);
        if (lock.lost && !this.stopping) throw lock.lost;
      } catch (error) {
        const attempts = (this.failure?.attempts ?? 0) + 1;
        this.failure = { error: error instanceof Error ? error : new Error(String(error)), at: new Date(), attempts };
        this.state = 'failed';
        const retryInMs = Math.min(settings.retryInitialMs * 2 ** (attempts - 1), settings.retryMaxMs);
        logger.error('Process manager failed; retrying from its checkpoint', { processManager: name, error: this.failure.error, attempts, retryInMs });
        await this.sleep(retryInMs);
      } finally {
        await lock?.close();
        if (this.state !== 'failed') this.state = 'stopped';
      }
    }
  }

  /** Waits on standby until this instance holds the lock; false when stopping. */
  private async acquire(lock: AdvisoryLock): Promise<boolean> {
    for (let announced = false; !this.stopping; announced = true) {
      if (lock.lost) throw lock.lost;
      if (await lock.tryAcquire(this.manager.name)) return true;
      this.state = 'standby';
      if (!announced) this.deps.logger.info('Another instance runs the process manager; standing by', { processManager: this.manager.name });
      await this.sleep(this.deps.settings.lockRetryMs);
    }
    return false;
  }

  private async follow(lock: AdvisoryLock): Promise<void> {
    const { pool, store, upcasters, clock } = this.deps;
    const checkpoint = await readCheckpoint(pool, this.manager.name);
    const subscription = store.subscribeToAll(checkpoint ?? 'start', { eventTypes: this.manager.eventTypes });
    this.subscription = subscription;
    const window = new ReactionWindow(IN_FLIGHT, (position, refusals) => recordProgress(pool, this.manager.name, position, refusals));
    try {
      for await (const stored of subscription) {
        if (this.stopping || lock.lost) break;
        const event = upcasters.upcast(stored);
        const reaction = await this.manager.react(event, toVietnamIso(clock()));
        const streams = reaction?.commands.map((command) => command.streamId) ?? [];
        await window.add(event.position, streams, async () => (reaction ? this.send(event, reaction) : []));
        this.failure = null;
        if (this.stopping || lock.lost) break;
      }
    } finally {
      this.subscription = null;
      // The lock is released only after every command started has finished and the progress is stored.
      try {
        await window.drain();
      } finally {
        await subscription.unsubscribe();
      }
    }
  }

  /** Sends the commands in order; returns those the domain refused. */
  private async send(event: RecordedEvent, { correlationId, commands }: Reaction): Promise<Refusal[]> {
    const name = this.manager.name;
    const refusals: Refusal[] = [];
    for (const command of commands) {
      const commandId = `${name}:${event.eventId}:${command.key}`;
      try {
        await command.send(this.deps.handler, { commandId, correlationId, causationId: event.eventId });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const refusal: Refusal = {
          commandId,
          eventId: event.eventId,
          eventType: event.type,
          eventPosition: event.position,
          streamId: command.streamId,
          commandType: command.type,
          code: error.code,
          message: error.message,
          details: error.details,
        };
        refusals.push(refusal);
        this.deps.logger.warn('Process manager command refused; going on', { processManager: name, ...refusal });
      }
    }
    return refusals;
  }

  private interrupt(): void {
    void this.subscription?.unsubscribe();
    this.wakeSleeper?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      this.wakeSleeper = wake;
    });
  }
}
