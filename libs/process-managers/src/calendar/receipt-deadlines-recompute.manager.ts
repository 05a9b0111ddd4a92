import type { AgencyDeadlines } from '@app/agency-calendars';
import type { ActorMetadata } from '@app/command-handling';
import {
  type Actor,
  incomingDocumentDecider,
  incomingStream,
  type RecomputeReceiptDeadlines,
  type Role,
  WORKING_CALENDAR_EVENT_TYPES,
  type WorkingCalendarChanged,
} from '@app/domain';
import type { EventStore, GlobalPosition, RecordedEvent } from '@app/event-store';
import type { OpenReceipt } from '@app/projections';
import { WorkingCalendar } from '@app/working-time';
import { managedCommand, type ProcessManager } from '../process-manager';

export interface ReceiptDeadlinesRecomputeDeps {
  readonly store: Pick<EventStore, 'lastPosition'>;
  /** Resolves once the read models have passed `position`. */
  waitForReadModels(position: GlobalPosition): Promise<void>;
  /** The agency's open receipts, from the incoming documents read model (@app/projections `openReceipts`). */
  openReceipts(agencyCode: string): Promise<readonly OpenReceipt[]>;
  readonly deadlines: Pick<AgencyDeadlines, 'receiptOn'>;
}

export const RECEIPT_DEADLINES_RECOMPUTE = 'receipt_deadlines_recompute';
/** How long `waitForReadModels` should wait: longer than a client is made to wait, shorter than a container's stop grace; a lagging projection means a retry. */
export const READ_MODELS_WAIT_MS = 10_000;

/**
 * A WorkingCalendarChanged in, one RecomputeReceiptDeadlines out per open incoming document of that agency, with the
 * instants computed on the calendar the event carries from the document's receipt time, channel and urgency, as at
 * receipt (`AgencyDeadlines.receiptOn`). domain.md §6: a holiday added later shifts open deadlines, and the
 * recalculation is audited: the event keeps the previous instants, its metadata names the ADMIN who changed the
 * calendar (the commands act on that change's authority) and is caused by the calendar event.
 *
 * The documents are listed once the read models have caught up with everything committed. A receipt computed in
 * the short window before the change reached the process's calendar cache (see CalendarProvider) but appended
 * after the listing keeps the previous calendar's instants until the next change. A document registered, assigned
 * or recalled since the listing refuses the command (a refusal the runner records). The decider appends nothing
 * when the instants do not move, so handling the same change twice is harmless.
 */
export function receiptDeadlinesRecomputeManager(deps: ReceiptDeadlinesRecomputeDeps): ProcessManager {
  return {
    name: RECEIPT_DEADLINES_RECOMPUTE,
    eventTypes: WORKING_CALENDAR_EVENT_TYPES,
    async react(event, now) {
      const change = event.data as WorkingCalendarChanged['data'];
      const actor = actorOf(event);
      const calendar = WorkingCalendar.fromData(change.calendar);
      const reason = `Tính lại theo lịch làm việc do ${change.changedBy.fullName} cập nhật lúc ${change.changedAt}`;
      // Every event committed so far, not the visible head: a receipt held back behind an open transaction counts.
      const last = await deps.store.lastPosition();
      if (last !== null) await deps.waitForReadModels(last);
      const receipts = await deps.openReceipts(change.agencyCode);
      const commands = receipts.map((receipt) => {
        const command: RecomputeReceiptDeadlines = {
          type: 'RecomputeReceiptDeadlines',
          data: { documentId: receipt.documentId, ...deps.deadlines.receiptOn(calendar, receipt.receivedAt, receipt.channel, receipt.urgency), reason },
          context: { actor, now },
        };
        return managedCommand(`recompute:${receipt.documentId}`, incomingStream(receipt.documentId), incomingDocumentDecider, command);
      });
      return commands.length === 0 ? null : { correlationId: correlationOf(event), commands };
    },
  };
}

/** The ADMIN who changed the calendar (event metadata). */
function actorOf(event: RecordedEvent): Actor {
  const actor = event.metadata.actor as Partial<ActorMetadata> | undefined;
  if (typeof actor?.username !== 'string' || typeof actor.fullName !== 'string' || typeof actor.agencyCode !== 'string' || !Array.isArray(actor.roles)) {
    throw new Error(`Calendar event ${event.eventId} does not name its actor`);
  }
  return { username: actor.username, fullName: actor.fullName, agencyCode: actor.agencyCode, unitId: null, roles: actor.roles as Role[] };
}

function correlationOf(event: RecordedEvent): string {
  return typeof event.metadata.correlationId === 'string' ? event.metadata.correlationId : event.eventId;
}
