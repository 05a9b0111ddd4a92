/** An event id of the append is stored already, and not as an idempotent retry of this append. */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamId: string,
    detail: string,
  ) {
    super(`Stream ${streamId}: an event id of this append is already stored elsewhere (${detail})`);
    this.name = 'DuplicateEventIdError';
  }
}
