import type { Urgency } from '@app/domain';

/** The deadline rules an agency may tune (architecture.md §7), in working time of its calendar. */
export interface DeadlineSettings {
  /** Documents received liên thông are accepted and forwarded within 8 working hours (Phú Yên Điều 5.2). */
  readonly interconnectRegistrationHours: number;
  /**
   * Urgent documents are handled "immediately" (Decree 30 Điều 4.2.c); these are the working hours after
   * the effective receipt at which an urgent document counts as late (domain.md §6: a design choice).
   */
  readonly urgencyAlertHours: Readonly<Record<Exclude<Urgency, 'NORMAL'>, number>>;
  /** Processing deadline when the leader sets none (Phú Yên Điều 7.2: per the agency's working rules). */
  readonly defaultProcessingWorkingDays: number;
  /** A deadline that falls within this much working time from now is DUE_SOON. */
  readonly dueSoonWorkingHours: number;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  interconnectRegistrationHours: 8,
  urgencyAlertHours: { URGENT: 2, VERY_URGENT: 1, FLASH: 0.5 },
  defaultProcessingWorkingDays: 10,
  dueSoonWorkingHours: 8,
};
