import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badUserInput } from './api-error';

/** Depth-first list of `path.to.field: constraint message` for every failed constraint. */
function describe(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...describe(e.children ?? [], field)];
  });
}

/** class-validator at the edge: a failed input is BAD_USER_INPUT naming the field, and nothing runs. */
export const inputValidationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  exceptionFactory: (errors) => {
    const problems = describe(errors);
    const first = problems[0] ?? { field: 'input', message: 'invalid input' };
    return badUserInput(`Invalid ${first.field}: ${first.message}`, first.field, { problems });
  },
});
