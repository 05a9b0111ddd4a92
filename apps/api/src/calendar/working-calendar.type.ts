import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { ConsistentArgs } from '../common/connection';
import { PersonRef } from '../incoming/incoming-document.type';
import { IsAgencyCode } from '../registers/is-agency-code';

@ObjectType({ description: 'A working session in Vietnam local time, [start, end)' })
export class WorkingSession {
  @Field({ description: 'HH:mm' }) start!: string;
  @Field({ description: 'HH:mm' }) end!: string;
}

const sessionList = (description: string) => Field(() => [WorkingSession], { description });

@ObjectType({ description: 'Sessions per weekday; an empty list is a day off' })
export class WeeklySessions {
  @sessionList('Thứ Hai') MONDAY!: WorkingSession[];
  @sessionList('Thứ Ba') TUESDAY!: WorkingSession[];
  @sessionList('Thứ Tư') WEDNESDAY!: WorkingSession[];
  @sessionList('Thứ Năm') THURSDAY!: WorkingSession[];
  @sessionList('Thứ Sáu') FRIDAY!: WorkingSession[];
  @sessionList('Thứ Bảy') SATURDAY!: WorkingSession[];
  @sessionList('Chủ nhật') SUNDAY!: WorkingSession[];
}

@ObjectType({ description: 'A date off: a public holiday, or a weekday given off in a swap' })
export class CalendarHoliday {
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType({ description: 'A working date the weekly schedule has off (a make-up Saturday)' })
export class MakeUpWorkday {
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [WorkingSession], { description: "That day's sessions (its own, or Monday's)" }) sessions!: WorkingSession[];
}

@ObjectType({ description: "An agency's working calendar for one year: what its deadlines are computed on" })
export class WorkingCalendarYear {
  @Field() agencyCode!: string;
  @Field(() => Int) year!: number;
  @Field({
    description: "The agency set this year's dates; false: only the fixed-date national holidays apply (no Tết, Giỗ Tổ or swaps yet)",
  })
  configured!: boolean;
  @Field(() => WeeklySessions) weeklySessions!: WeeklySessions;
  @Field(() => [CalendarHoliday], { description: 'Dates off, ascending' }) holidays!: CalendarHoliday[];
  @Field(() => [MakeUpWorkday], { description: 'Make-up working dates, ascending' }) makeUpWorkdays!: MakeUpWorkday[];
  @Field(() => Int, { nullable: true, description: "Revision of the agency's calendar; null while it uses the shipped calendar" })
  revision!: number | null;
  @Field(() => Date, { nullable: true }) changedAt!: Date | null;
  @Field(() => PersonRef, { nullable: true }) changedBy!: PersonRef | null;
}

@ArgsType()
export class WorkingCalendarArgs extends ConsistentArgs {
  @Field() @IsAgencyCode()
  agencyCode!: string;

  @Field(() => Int) @IsInt() @Min(1900) @Max(9999)
  year!: number;
}
