import { isCalendarDate } from '@app/working-time';

/**
 * Calendar dates and instants as the domain sees them: plain ISO 8601 strings, compared without a clock.
 * Instants must carry an offset (`+07:00` or `Z`) so that they are unambiguous.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A real calendar day; years before 100 are refused (no document is dated so). */
const isCalendarDay = (year: number, month: number, day: number): boolean => year >= 100 && isCalendarDate(year, month, day);

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** ISO 8601 date-time with an explicit offset, e.g. `2025-03-04T08:15:00+07:00`. */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59) return false;
  return !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch of a valid instant (see `isIsoInstant`). */
export function instantMillis(instant: string): number {
  return Date.parse(instant);
}

/** `a` strictly after `b` (both valid instants, any offsets). */
export function isAfter(a: string, b: string): boolean {
  return instantMillis(a) > instantMillis(b);
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOfDate(date: string): number {
  return Number(date.slice(0, 4));
}
