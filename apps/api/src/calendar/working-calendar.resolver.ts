import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyCalendar, CalendarProvider } from '@app/agency-calendars';
import { calendarStream, DEFAULT_AGENCY_CALENDAR, workingCalendarDecider } from '@app/domain';
import { defaultHolidays, WEEKDAYS } from '@app/working-time';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { assertCanReadAgency } from '../auth/roles';
import { CommandResult } from '../common/command-result.type';
import { CommandGateway } from '../commands/command-gateway';
import { calendarChangeOf, SetWorkingCalendarArgs } from './working-calendar.input';
import { WeeklySessions, WorkingCalendarArgs, WorkingCalendarYear } from './working-calendar.type';

/** The agency's working calendar (domain.md §6): weekly sessions, and each year's holidays, swaps and make-up days. */
@Resolver(() => WorkingCalendarYear)
export class WorkingCalendarResolver {
  constructor(
    private readonly commands: CommandGateway,
    private readonly calendars: CalendarProvider,
  ) {}

  @Mutation(() => CommandResult, {
    description:
      'ADMIN of the agency: replaces its weekly sessions and/or whole years of dates (Tết, Giỗ Tổ, swaps, make-up days); ' +
      'the receipt deadlines of its open incoming documents are then recomputed on the new calendar. The result id is the agency code',
  })
  setWorkingCalendar(@CurrentActor() actor: Principal, @Args() { agencyCode, input }: SetWorkingCalendarArgs): Promise<CommandResult> {
    return this.commands.decide({
      id: agencyCode,
      streamId: calendarStream(agencyCode),
      decider: workingCalendarDecider,
      foldsFromLastEventOnly: workingCalendarDecider.foldsFromLastEventOnly,
      command: { type: 'SetWorkingCalendar', data: { agencyCode, ...calendarChangeOf(input) }, context: this.commands.context(actor) },
    });
  }

  @Query(() => WorkingCalendarYear, { description: "Your agency's working calendar for a year, as its deadlines are computed" })
  async workingCalendar(@CurrentActor() actor: Principal, @Args() { agencyCode, year }: WorkingCalendarArgs): Promise<WorkingCalendarYear> {
    assertCanReadAgency(actor, agencyCode);
    // Answers from the read model as of now (after `consistentWith`), and brings the deadline calendars up to it.
    await this.calendars.refresh();
    return calendarYear(agencyCode, year, this.calendars.configured(agencyCode));
  }
}

/** A year the agency did not configure has the fixed-date national holidays only (the calendar's own fallback). */
function calendarYear(agencyCode: string, year: number, own: AgencyCalendar | null): WorkingCalendarYear {
  const { weeklySessions, years } = own?.data ?? DEFAULT_AGENCY_CALENDAR;
  const entry = years.find((candidate) => candidate.year === year);
  const monday = weeklySessions.MONDAY ?? [];
  return {
    agencyCode,
    year,
    configured: entry !== undefined,
    weeklySessions: Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [...(weeklySessions[weekday] ?? [])]])) as unknown as WeeklySessions,
    holidays: (entry?.holidays ?? defaultHolidays(year)).map((holiday) => ({ date: holiday.date, name: holiday.name ?? null })),
    makeUpWorkdays: (entry?.makeUpWorkdays ?? []).map((day) => ({ date: day.date, name: day.name ?? null, sessions: [...(day.sessions ?? monday)] })),
    revision: own?.revision ?? null,
    changedAt: own?.changedAt ?? null,
    changedBy: own?.changedBy ?? null,
  };
}
