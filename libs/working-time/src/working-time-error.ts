/** Stable codes, so callers (the domain, the API) can map them without parsing messages. */
export type WorkingTimeErrorCode =
  /** Calendar data that must not be stored or used: the `problems` list says what is wrong. */
  | 'INVALID_CALENDAR_DATA'
  /** An argument that is not an instant, a local date, or a valid amount of time. */
  | 'INVALID_ARGUMENT'
  /** The calendar has no working day within the search window (e.g. a whole year of holidays). */
  | 'NO_WORKING_TIME';

export class WorkingTimeError extends Error {
  constructor(
    readonly code: WorkingTimeErrorCode,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'WorkingTimeError';
  }
}
