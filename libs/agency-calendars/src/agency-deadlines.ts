import type { ReceiptChannel, Urgency } from '@app/domain';
import type { Instant, WorkingCalendar } from '@app/working-time';
import type { CalendarProvider } from './calendar-provider';
import type { DeadlineSettings } from './deadline-settings';

export interface ReceiptDeadlines {
  readonly effectiveReceivedAt: string;
  readonly registrationDueAt: string;
  readonly urgencyDueAt: string | null;
}

/** The deadlines of the regulations, computed on the agency's working calendar (domain.md §6). */
export class AgencyDeadlines {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly settings: DeadlineSettings,
  ) {}

  /**
   * Receipt outside working hours counts from the next working period (Khánh Hòa Điều 10.2). Registration is
   * due 8 working hours later for liên thông (Phú Yên Điều 5.2), else by the end of the next working day
   * (Decree 30 Điều 4.2.c).
   */
  receipt(agencyCode: string, receivedAt: string, channel: ReceiptChannel, urgency: Urgency): ReceiptDeadlines {
    return this.receiptOn(this.calendars.forAgency(agencyCode), receivedAt, channel, urgency);
  }

  /** `receipt` on a given calendar: the recompute after a calendar change uses the calendar of that change. */
  receiptOn(calendar: WorkingCalendar, receivedAt: Instant, channel: ReceiptChannel, urgency: Urgency): ReceiptDeadlines {
    const effectiveReceivedAt = calendar.normalize(receivedAt);
    return {
      effectiveReceivedAt,
      registrationDueAt:
        channel === 'INTERCONNECT'
          ? calendar.addWorkingHours(effectiveReceivedAt, this.settings.interconnectRegistrationHours)
          : calendar.endOfNextWorkingDay(effectiveReceivedAt),
      urgencyDueAt: urgency === 'NORMAL' ? null : calendar.addWorkingHours(effectiveReceivedAt, this.settings.urgencyAlertHours[urgency]),
    };
  }

  /** The processing deadline of a directive that names none. */
  defaultProcessingDeadline(agencyCode: string, now: Date): string {
    return this.calendars.forAgency(agencyCode).addWorkingDays(now, this.settings.defaultProcessingWorkingDays);
  }

  /** Deadlines up to this instant are DUE_SOON. */
  dueSoonLimit(agencyCode: string, now: Date): string {
    return this.calendars.forAgency(agencyCode).addWorkingHours(now, this.settings.dueSoonWorkingHours);
  }
}
