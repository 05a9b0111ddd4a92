import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AgencyDeadlines } from '@app/agency-calendars';
import {
  type Actor,
  DomainError,
  incomingDocumentDecider,
  incomingStream,
  type RecomputeReceiptDeadlines,
  type Role,
  WORKING_CALENDAR_EVENT_TYPES,
  type WorkingCalendarChanged,
} from '@app/domain';
import { type ActorMetadata, CommandHandler } from '@app/command-handling';
import { type EventStore, type RecordedEvent, type Subscription, Upcasters } from '@app/event-store';
import { toVietnamIso, WorkingCalendar } from '@app/working-time';
import { CONSISTENCY_GATE, type ConsistencyGate } from '../common/consistency';
import { EVENT_STORE } from '../runtime/tokens';
import { OpenReceiptQueries } from './open-receipts.queries';
import { ProcessCheckpoints } from './process-checkpoints';

/** Its row in process_manager.checkpoints. */
export const RECOMPUTE_CHECKPOINT = 'receipt_deadlines_recompute';
/** Longer than a client is made to wait, shorter than a container's stop grace; a lagging projector means a retry. */
const READ_MODELS_TIMEOUT_MS = 10_000;
const RETRY_MS = { first: 1000, max: 30_000 };

/**
 * Process manager (architecture.md §3): a WorkingCalendarChanged in, one RecomputeReceiptDeadlines out per open
 * incoming document of that agency, with the instants computed on the calendar the event carries from the
 * document's receipt time, channel and urgency, as at receipt (`AgencyDeadlines.receiptOn`). domain.md §6: a
 * holiday added later shifts open deadlines, and the recalculation is audited (the event keeps the previous
 * instants; its metadata names the ADMIN who changed the calendar and is caused by the calendar event).
 *
 * It follows `$all` (calendar events only) from its own checkpoint in PostgreSQL (process_manager.checkpoints),
 * which moves after every command of an event went through. Each command id is derived from (calendar event id,
 * document id), and the decider appends nothing when the instants do not move, so repeating an event is harmless.
 *
 * If the process dies mid-way through an event, the checkpoint is still before it: on restart the event is
 * handled again, the documents already done find their command applied (no second event), and the others are
 * recomputed. Every api instance runs it, and the same dedup makes concurrent runs safe.
 *
 * Documents are listed from the incoming documents read model once the read models have reached the last event
 * committed, so a document received before the calendar change cannot be missed. A receipt computed in the short
 * window before the change reached that instance's calendar cache (projection lag plus at most a second, see
 * CalendarProvider) but appended after the listing keeps the previous calendar's instants until the next change.
 * A document awaiting a recall decision is left out, and keeps its instants if the recall is refused.
 */
@Injectable()
export class ReceiptDeadlinesRecompute implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReceiptDeadlinesRecompute.name);
  private subscription: Subscription | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private wake: () => void = () => undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONSISTENCY_GATE) private readonly readModels: ConsistencyGate,
    private readonly handler: CommandHandler,
    private readonly upcasters: Upcasters,
    private readonly deadlines: AgencyDeadlines,
    private readonly receipts: OpenReceiptQueries,
    private readonly checkpoints: ProcessCheckpoints,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.checkpoints.ensureTable();
    this.stopped = false;
    this.running = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.subscription?.unsubscribe();
    await this.running;
  }

  private async run(): Promise<void> {
    let retryMs = RETRY_MS.first;
    while (!this.stopped) {
      try {
        const from = await this.checkpoints.read(RECOMPUTE_CHECKPOINT);
        if (this.stopped) return;
        this.subscription = this.store.subscribeToAll(from ?? 'start', { eventTypes: WORKING_CALENDAR_EVENT_TYPES });
        for await (const event of this.subscription) {
          await this.recompute(this.upcasters.upcast(event));
          await this.checkpoints.write(RECOMPUTE_CHECKPOINT, event.position);
          retryMs = RETRY_MS.first;
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(`Recomputing receipt deadlines failed; retrying in ${retryMs} ms: ${error instanceof Error ? error.message : String(error)}`);
        await this.subscription?.unsubscribe();
        await this.pause(retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MS.max);
      }
    }
  }

  private async recompute(event: RecordedEvent): Promise<void> {
    const change = event.data as WorkingCalendarChanged['data'];
    const actor = actorOf(event);
    const last = await this.store.lastPosition();
    if (last !== null) await this.readModels.waitFor(last, READ_MODELS_TIMEOUT_MS);
    const calendar = WorkingCalendar.fromData(change.calendar);
    const reason = `Tính lại theo lịch làm việc do ${change.changedBy.fullName} cập nhật lúc ${change.changedAt}`;
    for (const receipt of await this.receipts.openReceipts(change.agencyCode)) {
      const command: RecomputeReceiptDeadlines = {
        type: 'RecomputeReceiptDeadlines',
        data: { documentId: receipt.documentId, ...this.deadlines.receiptOn(calendar, receipt.receivedAt, receipt.channel, receipt.urgency), reason },
        context: { actor, now: toVietnamIso(new Date()) },
      };
      try {
        await this.handler.handle({
          streamId: incomingStream(receipt.documentId),
          decider: incomingDocumentDecider,
          command,
          envelope: {
            commandId: `${event.eventId}:recompute:${receipt.documentId}`,
            correlationId: typeof event.metadata.correlationId === 'string' ? event.metadata.correlationId : event.eventId,
            causationId: event.eventId,
            actingRole: 'ADMIN',
          },
        });
      } catch (error) {
        // Registered, assigned, rejected or recalled since the read model listed it: nothing is left to recompute.
        if (!(error instanceof DomainError && error.code === 'INVALID_TRANSITION')) throw error;
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** The ADMIN who changed the calendar (event metadata): the recompute acts on that change's authority. */
function actorOf(event: RecordedEvent): Actor {
  const actor = event.metadata.actor as Partial<ActorMetadata> | undefined;
  if (typeof actor?.username !== 'string' || typeof actor.fullName !== 'string' || typeof actor.agencyCode !== 'string' || !Array.isArray(actor.roles)) {
    throw new Error(`Calendar event ${event.eventId} does not name its actor`);
  }
  return { username: actor.username, fullName: actor.fullName, agencyCode: actor.agencyCode, unitId: null, roles: actor.roles as Role[] };
}
