import type { Assignee, Handler } from '@app/domain';

/**
 * The lead as read models store it: `lead_username` for a person, and `lead_unit_id` = the unit answerable
 * for the work (the unit itself, or the person's unit), so filtering by unit also finds its members' work.
 */
export interface LeadColumns {
  readonly lead_username: string | null;
  readonly lead_unit_id: string | null;
  readonly lead_full_name: string | null;
}

export function leadColumns(handler: Handler | undefined): LeadColumns {
  return {
    lead_username: handler?.username ?? null,
    lead_unit_id: handler ? (handler.unitId ?? handler.unitIdOfUser) : null,
    lead_full_name: handler?.fullName ?? null,
  };
}

/** The directive's LEAD (exactly one, by the domain's rule; the first line otherwise, as the decider folds it). */
export function leadAssignee(assignees: readonly Assignee[]): Assignee | undefined {
  return assignees.find((assignee) => assignee.role === 'LEAD') ?? assignees[0];
}
