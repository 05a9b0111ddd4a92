import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate, isIsoInstant } from '@app/domain';
import { parseInstant } from '@app/working-time';

/** An ISO 8601 instant with an explicit offset (`Z` or `±HH:mm`), as the domain requires and the calendar can compute with. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => isIsoInstant(value) && isCalendarInstant(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an ISO 8601 date-time with offset, e.g. 2026-11-23T08:00:00+07:00`, options),
      },
    },
    options,
  );
}

/** A calendar date `YYYY-MM-DD`. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a date YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

function isCalendarInstant(value: string): boolean {
  try {
    parseInstant(value);
    return true;
  } catch {
    return false;
  }
}
