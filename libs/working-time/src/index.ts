export * from './calendar-data';
export * from './default-calendar';
export * from './national-holidays';
export * from './validate-calendar-data';
export * from './working-calendar';
export * from './working-time-error';
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  VIETNAM_UTC_OFFSET,
  isCalendarDate,
  parseInstant,
  toVietnamIso,
  vietnamLocalDate,
  type Instant,
  type LocalDate,
} from './vietnam-time';
