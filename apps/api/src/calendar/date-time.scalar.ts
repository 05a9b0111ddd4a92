import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { toVietnamIso } from '@app/working-time';

/**
 * `DateTime` of api-contract.md: ISO 8601 with an offset, answered in Vietnam time (`+07:00`), the way the
 * events store instants. It takes over Nest's mapping of `Date`, so every `@Field(() => Date)` of the api is
 * this scalar. An input stays the client's string: `@IsInstant()` checks it at the edge, so a bad value is a
 * BAD_USER_INPUT naming its field rather than a coercion error without one.
 */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, string> {
  description = 'An instant, ISO 8601 with offset, e.g. 2026-11-23T08:00:00+07:00; answered in Vietnam time (+07:00)';

  parseValue(value: unknown): string {
    if (typeof value !== 'string') throw new GraphQLError('DateTime must be a string such as 2026-11-23T08:00:00+07:00');
    return value;
  }

  parseLiteral(node: ValueNode): string {
    if (node.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string such as 2026-11-23T08:00:00+07:00');
    return node.value;
  }

  serialize(value: unknown): string {
    if (value instanceof Date || typeof value === 'string') return toVietnamIso(value);
    throw new GraphQLError(`DateTime cannot represent ${typeof value}`);
  }
}
