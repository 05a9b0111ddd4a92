import { calendarDataProblems } from '@app/working-time';
import type { Decider } from '../shared/decider';
import type { DomainError } from '../shared/domain-error';
import { personOf, requireAnyRole, requireSameAgency } from '../shared/authorization';
import { validationFailed } from '../shared/validation';
import { canonicalCalendar, mergeCalendar, problemField, sameCalendarPart } from './canonical-calendar';
import type { SetWorkingCalendar, WorkingCalendarCommand } from './working-calendar.commands';
import type { WorkingCalendarEvent } from './working-calendar.events';
import { calendarOf, type WorkingCalendarState } from './working-calendar.state';

/** VALIDATION_FAILED naming the first problem's path; `problems` lists them all. */
function invalidCalendar(problems: readonly string[], field?: string): DomainError {
  return validationFailed(field ?? problemField(problems[0]), 'INVALID_CALENDAR_DATA', problems.join('; '), { problems });
}

function setWorkingCalendar(command: SetWorkingCalendar, state: WorkingCalendarState): WorkingCalendarEvent[] {
  const { data, context } = command;
  requireSameAgency(context.actor, data.agencyCode, command.type);
  requireAnyRole(context.actor, ['ADMIN'], command.type);
  if (state.status === 'CONFIGURED' && state.agencyCode !== data.agencyCode) {
    throw validationFailed('agencyCode', 'STREAM_MISMATCH', `does not match the calendar of ${state.agencyCode}`);
  }
  const current = canonicalCalendar(calendarOf(state));
  // Checked as given first, so that each problem names the command's own field (`years[1].holidays[0].date`).
  const given = { weeklySessions: data.weeklySessions ?? current.weeklySessions, years: data.years };
  const problems = calendarDataProblems(given);
  if (problems.length > 0) throw invalidCalendar(problems);
  const next = mergeCalendar(current, data);
  // Only a new weekly schedule can break a kept year: its make-up days default to the Monday sessions.
  const keptProblems = calendarDataProblems(next);
  if (keptProblems.length > 0) throw invalidCalendar(keptProblems, 'weeklySessions');

  const changedYears = [...new Set(data.years.map((entry) => entry.year))]
    .filter((year) => {
      const before = current.years.find((entry) => entry.year === year);
      const after = next.years.find((entry) => entry.year === year);
      return !sameCalendarPart(before, after);
    })
    .sort((a, b) => a - b);
  const weeklySessionsChanged = !sameCalendarPart(current.weeklySessions, next.weeklySessions);
  if (changedYears.length === 0 && !weeklySessionsChanged) return [];
  return [
    {
      type: 'WorkingCalendarChanged',
      data: {
        agencyCode: data.agencyCode,
        calendar: next,
        changedYears,
        weeklySessionsChanged,
        changedAt: context.now,
        changedBy: personOf(context.actor),
      },
    },
  ];
}

export type WorkingCalendarDecider = Decider<WorkingCalendarCommand, WorkingCalendarEvent, WorkingCalendarState> & {
  /** Every event carries the whole calendar: the command handler reads the stream's last event only. */
  readonly foldsFromLastEventOnly: true;
};

/** An agency's working calendar (stream `calendar-<agencyCode>`): weekly sessions and each year's dates. */
export const workingCalendarDecider: WorkingCalendarDecider = {
  foldsFromLastEventOnly: true,

  initialState: () => ({ status: 'DEFAULT' }),

  evolve(_state, event) {
    switch (event.type) {
      case 'WorkingCalendarChanged':
        return { status: 'CONFIGURED', agencyCode: event.data.agencyCode, calendar: event.data.calendar };
      default: {
        const _exhaustive: never = event.type;
        return _exhaustive;
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'SetWorkingCalendar':
        return setWorkingCalendar(command, state);
      default: {
        const _exhaustive: never = command.type;
        return _exhaustive;
      }
    }
  },
};
