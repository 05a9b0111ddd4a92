import { DomainError } from './domain-error';
import { normalizeText } from './text';
import { isIsoDate, isIsoInstant } from './time';

/** VALIDATION_FAILED naming the field: `{ field, reason, ...extra }`. */
export function validationFailed(field: string, reason: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { field, reason, ...extra });
}

/** A non-empty string after NFC + trim, at most `maxLength` characters; returns the normalized text. */
export function requireText(value: unknown, field: string, maxLength = 2000): string {
  if (typeof value !== 'string') throw validationFailed(field, 'REQUIRED', 'is required');
  const text = normalizeText(value);
  if (text.length === 0) throw validationFailed(field, 'REQUIRED', 'must not be empty');
  if (text.length > maxLength) throw validationFailed(field, 'TOO_LONG', `must be at most ${maxLength} characters`, { maxLength });
  return text;
}

/** A string that may be empty after NFC + trim, at most `maxLength` characters. */
export function optionalText(value: unknown, field: string, maxLength = 2000): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') throw validationFailed(field, 'INVALID', 'must be text');
  const text = normalizeText(value);
  if (text.length > maxLength) throw validationFailed(field, 'TOO_LONG', `must be at most ${maxLength} characters`, { maxLength });
  return text;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw validationFailed(field, 'NOT_ALLOWED', `must be one of ${allowed.join(', ')}`, { allowed });
  }
  return value as T;
}

export function requireInstant(value: unknown, field: string): string {
  if (!isIsoInstant(value)) throw validationFailed(field, 'INVALID_INSTANT', 'must be an ISO 8601 date-time with offset');
  return value;
}

export function requireDate(value: unknown, field: string): string {
  if (!isIsoDate(value)) throw validationFailed(field, 'INVALID_DATE', 'must be a date YYYY-MM-DD');
  return value;
}

export function requirePositiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw validationFailed(field, 'INVALID_NUMBER', 'must be a positive integer');
  }
  return value;
}

/** A calendar year between 1900 and 9999. */
export function requireYear(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 9999) {
    throw validationFailed(field, 'INVALID_YEAR', 'must be a year between 1900 and 9999');
  }
  return value;
}
