import { WorkingTimeError } from './working-time-error';

/**
 * Vietnam civil time without a time-zone database: Asia/Ho_Chi_Minh has been UTC+07:00 all year,
 * with no daylight saving, since 13 June 1975, so a fixed offset is exact for every date this system
 * handles. All local dates, weekdays and session times below are computed on that fixed offset.
 */
export const VIETNAM_UTC_OFFSET = '+07:00';

/** A point in time: a `Date`, or an ISO 8601 string with a time and an explicit offset (`Z` or `±HH:mm`). */
export type Instant = Date | string;

/** A Vietnam calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 7 * HOUR_MS;

// Four-digit years from 1000: `Date.UTC` would read years 0–99 as 1900–1999.
const ISO_INSTANT =
  /^([1-9]\d{3})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const LOCAL_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day of the proleptic Gregorian calendar (month 1–12). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function invalid(message: string): WorkingTimeError {
  return new WorkingTimeError('INVALID_ARGUMENT', message);
}

/**
 * Strict parse: `Date.parse` accepts strings without an offset (read in the host's zone) and rolls
 * impossible dates over (30 February → 2 March), so both are refused here.
 */
export function parseInstant(instant: Instant): Date {
  return new Date(epochMs(instant));
}

export function epochMs(instant: Instant): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw invalid('Invalid Date');
    return ms;
  }
  return parseIso(instant).ms;
}

/** The instant's milliseconds, and whether the text is already as formatVietnamIso writes it. */
function parseIso(instant: unknown): { ms: number; canonical: boolean } {
  const match = typeof instant === 'string' ? ISO_INSTANT.exec(instant) : null;
  if (!match) {
    throw invalid(`"${String(instant)}" is not an ISO 8601 instant with an offset, e.g. 2026-11-23T08:00:00+07:00`);
  }
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, oh, om] = match;
  const [year, month, day, hour, minute, second] = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0)];
  const offsetMinutes = zulu === 'Z' ? 0 : (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  const validOffset = zulu === 'Z' || (Number(oh) <= 23 && Number(om) <= 59);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || !validOffset) {
    throw invalid(`"${String(instant)}" is not a valid date and time`);
  }
  const millisecond = Number(fraction.padEnd(3, '0').slice(0, 3));
  const canonical =
    zulu !== 'Z' && sign === '+' && offsetMinutes === 7 * 60 && s !== undefined && (fraction === '' || (fraction.length === 3 && millisecond !== 0));
  return { ms: Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * MINUTE_MS, canonical };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
// Formatting runs for every instant of every answer (a document history has hundreds): no padStart there.
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => pad(value));

/** `YYYY-MM-DDTHH:mm:ss+07:00`, with `.SSS` only when the milliseconds are not zero. Same-offset strings sort chronologically. */
export function formatVietnamIso(ms: number): string {
  const local = new Date(ms + OFFSET_MS);
  const millis = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${TWO_DIGITS[local.getUTCMonth() + 1]}-${TWO_DIGITS[local.getUTCDate()]}` +
    `T${TWO_DIGITS[local.getUTCHours()]}:${TWO_DIGITS[local.getUTCMinutes()]}:${TWO_DIGITS[local.getUTCSeconds()]}` +
    `${millis === 0 ? '' : `.${pad(millis, 3)}`}${VIETNAM_UTC_OFFSET}`
  );
}

/** The instant in Vietnam time, e.g. `2026-11-23T08:00:00+07:00`; a text already written so is answered as it is. */
export function toVietnamIso(instant: Instant): string {
  if (instant instanceof Date) return formatVietnamIso(epochMs(instant));
  const { ms, canonical } = parseIso(instant);
  return canonical ? instant : formatVietnamIso(ms);
}

/** The Vietnam calendar date of the instant, e.g. `2026-11-23` for `2026-11-23T00:30:00+07:00` (= 22 Nov UTC). */
export function vietnamLocalDate(instant: Instant): LocalDate {
  return localDateOfDayNumber(dayNumberOf(epochMs(instant)));
}

/** Days since 1970-01-01 in Vietnam time: the key the calendar uses for dates. */
export function dayNumberOf(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** The instant of local midnight that starts the day. */
export function startOfDayMs(dayNumber: number): number {
  return dayNumber * DAY_MS - OFFSET_MS;
}

export function localDateOfDayNumber(dayNumber: number): LocalDate {
  const date = new Date(dayNumber * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** Day number of a `YYYY-MM-DD` date, or `undefined` when it is not a real calendar date. */
export function parseLocalDate(date: unknown): number | undefined {
  const match = typeof date === 'string' ? LOCAL_DATE.exec(date) : null;
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  return isCalendarDate(year, month, day) ? Date.UTC(year, month - 1, day) / DAY_MS : undefined;
}

/** Monday = 0 … Sunday = 6 (1970-01-01, day 0, was a Thursday). */
export function weekdayIndexOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Day number of a local date, or of the Vietnam date of an instant. */
export function dayNumberOfDateOrInstant(date: LocalDate | Instant): number {
  if (typeof date === 'string' && LOCAL_DATE.test(date)) {
    const dayNumber = parseLocalDate(date);
    if (dayNumber === undefined) throw invalid(`"${date}" is not a calendar date (YYYY-MM-DD)`);
    return dayNumber;
  }
  return dayNumberOf(epochMs(date));
}

/** Minutes after local midnight of an `HH:mm` time (00:00–24:00), or `undefined` when malformed. */
export function minutesOfTimeOfDay(value: unknown): number | undefined {
  const match = typeof value === 'string' ? TIME_OF_DAY.exec(value) : null;
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}
