import type { WorkingCalendarData } from '@app/working-time';
import type { DomainEvent } from '../shared/decider';
import type { PersonRef } from '../shared/people';

/**
 * Events of an agency's working calendar stream `calendar-<agencyCode>` (streams.ts `calendarStream`).
 * Every event carries the whole calendar after the change, so read models and the deadline recompute need
 * no other event, and the decider folds from the last event alone.
 */

/** The agency's weekly sessions or yearly dates (holidays, swaps, make-up days) changed. */
export type WorkingCalendarChanged = DomainEvent<
  'WorkingCalendarChanged',
  {
    agencyCode: string;
    /** The calendar in force from now on, canonical: weekdays in order, years and dates sorted, names NFC. */
    calendar: WorkingCalendarData;
    /** The years whose dates this change replaced, ascending. */
    changedYears: readonly number[];
    weeklySessionsChanged: boolean;
    changedAt: string;
    changedBy: PersonRef;
  }
>;

export type WorkingCalendarEvent = WorkingCalendarChanged;
export type WorkingCalendarEventType = WorkingCalendarEvent['type'];
export const WORKING_CALENDAR_EVENT_TYPES: readonly WorkingCalendarEventType[] = ['WorkingCalendarChanged'];
