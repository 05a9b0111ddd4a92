import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { SetWorkingCalendar } from '@app/domain';
import { WEEKDAYS, type SessionData, type WeeklySessionsData } from '@app/working-time';
import { IsAgencyCode } from '../registers/is-agency-code';

// Dates, times and their consistency are checked by the domain (calendarDataProblems), which names the field.

@InputType({ description: 'A working session in Vietnam local time, [start, end)' })
export class WorkingSessionInput {
  @Field({ description: 'HH:mm, e.g. 07:30' }) @IsString() @MaxLength(5)
  start!: string;

  @Field({ description: 'HH:mm, e.g. 11:30; 24:00 for midnight' }) @IsString() @MaxLength(5)
  end!: string;
}

const sessionList = (description: string) =>
  applyDecorators(
    Field(() => [WorkingSessionInput], { nullable: true, description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(8),
    ValidateNested({ each: true }),
    Type(() => WorkingSessionInput),
  );

@InputType({ description: 'Sessions per weekday; a weekday left out or empty is a day off' })
export class WeeklySessionsInput {
  @sessionList('Thứ Hai') MONDAY?: WorkingSessionInput[] | null;
  @sessionList('Thứ Ba') TUESDAY?: WorkingSessionInput[] | null;
  @sessionList('Thứ Tư') WEDNESDAY?: WorkingSessionInput[] | null;
  @sessionList('Thứ Năm') THURSDAY?: WorkingSessionInput[] | null;
  @sessionList('Thứ Sáu') FRIDAY?: WorkingSessionInput[] | null;
  @sessionList('Thứ Bảy') SATURDAY?: WorkingSessionInput[] | null;
  @sessionList('Chủ nhật') SUNDAY?: WorkingSessionInput[] | null;
}

@InputType({ description: 'A date off: a public holiday, or a weekday given off in a swap' })
export class CalendarHolidayInput {
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10)
  date!: string;

  @Field(() => String, { nullable: true, description: 'e.g. Tết Nguyên đán' }) @IsOptional() @IsString() @MaxLength(255)
  name?: string | null;
}

@InputType({ description: 'A working date the weekly schedule has off (a make-up Saturday)' })
export class MakeUpWorkdayInput {
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10)
  date!: string;

  @Field(() => String, { nullable: true, description: 'e.g. Làm bù cho ngày 16/02' }) @IsOptional() @IsString() @MaxLength(255)
  name?: string | null;

  @Field(() => [WorkingSessionInput], { nullable: true, description: "That day's sessions; defaults to Monday's" })
  @IsOptional() @IsArray() @ArrayMaxSize(8) @ValidateNested({ each: true }) @Type(() => WorkingSessionInput)
  sessions?: WorkingSessionInput[] | null;
}

@InputType({ description: "One year's dates as fixed by that year's decisions; replaces what the agency had for that year" })
export class CalendarYearInput {
  @Field(() => Int) @IsInt()
  year!: number;

  @Field(() => [CalendarHolidayInput], { description: 'Every date off of the year, the fixed-date national holidays included' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CalendarHolidayInput)
  holidays!: CalendarHolidayInput[];

  @Field(() => [MakeUpWorkdayInput], { defaultValue: [] })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MakeUpWorkdayInput)
  makeUpWorkdays: MakeUpWorkdayInput[] = [];
}

@InputType()
export class WorkingCalendarInput {
  @Field(() => WeeklySessionsInput, { nullable: true, description: 'Replaces the weekly schedule; kept when left out' })
  @IsOptional() @ValidateNested() @Type(() => WeeklySessionsInput)
  weeklySessions?: WeeklySessionsInput | null;

  @Field(() => [CalendarYearInput], { defaultValue: [], description: 'Each year listed replaces that year; the others are kept' })
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CalendarYearInput)
  years: CalendarYearInput[] = [];
}

@ArgsType()
export class SetWorkingCalendarArgs {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => WorkingCalendarInput) @ValidateNested() @Type(() => WorkingCalendarInput)
  input!: WorkingCalendarInput;
}

type CalendarChange = Omit<SetWorkingCalendar['data'], 'agencyCode'>;

/** The command's data: GraphQL nulls become absent fields, as the calendar data has them. */
export function calendarChangeOf(input: WorkingCalendarInput): CalendarChange {
  return {
    weeklySessions: input.weeklySessions ? weeklySessionsOf(input.weeklySessions) : null,
    years: input.years.map((entry) => ({
      year: entry.year,
      holidays: entry.holidays.map((holiday) => ({ date: holiday.date, ...nameOf(holiday.name) })),
      makeUpWorkdays: entry.makeUpWorkdays.map((day) => ({
        date: day.date,
        ...nameOf(day.name),
        ...(day.sessions ? { sessions: day.sessions.map(sessionOf) } : {}),
      })),
    })),
  };
}

function weeklySessionsOf(input: WeeklySessionsInput): WeeklySessionsData {
  return Object.fromEntries(
    WEEKDAYS.flatMap((weekday) => {
      const sessions = input[weekday];
      return sessions ? [[weekday, sessions.map(sessionOf)]] : [];
    }),
  );
}

function sessionOf({ start, end }: WorkingSessionInput): SessionData {
  return { start, end };
}

function nameOf(name: string | null | undefined): { name?: string } {
  return name === null || name === undefined ? {} : { name };
}
