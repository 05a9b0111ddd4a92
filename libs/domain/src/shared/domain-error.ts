/** Stable codes that clients may rely on (api-contract.md); the API maps them to `extensions.code`. */
export type DomainErrorCode =
  | 'INVALID_TRANSITION'
  | 'DUPLICATE_DOCUMENT'
  | 'CLASSIFIED_NOT_ALLOWED'
  | 'ATTACHMENT_REJECTED'
  | 'SIGNATURE_ORDER'
  /** A signature names another file than the one it must sign (e.g. not the approved draft's main file). */
  | 'SIGNATURE_MISMATCH'
  | 'RECIPIENT_UNKNOWN'
  | 'FORBIDDEN_FOR_ROLE'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'VALIDATION_FAILED'
  | 'ACCOUNT_LOCKED';

/** A refusal decided by business rules. `details` goes to the client as error extensions. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
