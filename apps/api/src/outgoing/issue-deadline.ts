import { Injectable } from '@nestjs/common';
import { AgencyDeadlines, CalendarProvider } from '@app/agency-calendars';
import type { Urgency } from '@app/domain';

/**
 * When a signed document must be issued (released and sent), on the issuing agency's working calendar:
 * on the signing day, at the latest by the end of the next working morning (QĐ 28/2018 Điều 6.2, Decree 30
 * Điều 18.1); an urgent one immediately after signing, which takes the alert thresholds of urgent incoming
 * documents ("immediately" has no number in law, domain.md §6).
 */
@Injectable()
export class IssueDeadline {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly deadlines: AgencyDeadlines,
  ) {}

  issueDueAt(agencyCode: string, signedAt: string, urgency: Urgency): string {
    if (urgency === 'NORMAL') return this.calendars.forAgency(agencyCode).endOfNextWorkingMorning(signedAt);
    // The urgency threshold counts from the signing as it would from a receipt; the channel plays no part in it.
    const { urgencyDueAt } = this.deadlines.receipt(agencyCode, signedAt, 'INTERCONNECT', urgency);
    return urgencyDueAt ?? signedAt;
  }
}
