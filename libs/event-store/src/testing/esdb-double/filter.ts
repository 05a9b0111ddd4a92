import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './storage';

export type EventPredicate = (event: StoredEvent) => boolean;

const everything: EventPredicate = () => true;

/**
 * The server-side filter of a read or subscription on `$all`: on the stream name or on the event type,
 * by prefixes when any are given, otherwise by an (unanchored, like .NET's Regex.IsMatch) regex.
 */
export function eventFilter(options: ReadReq.Options): EventPredicate {
  const filter = options.getFilter();
  if (!filter) return everything;
  const onStream = filter.getStreamIdentifier();
  if (onStream) return matchOn(onStream, (event) => event.streamId);
  const onType = filter.getEventType();
  if (onType) return matchOn(onType, (event) => event.type);
  return everything;
}

function matchOn(expression: ReadReq.Options.FilterOptions.Expression, field: (event: StoredEvent) => string): EventPredicate {
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (event) => prefixes.some((prefix) => field(event).startsWith(prefix));
  const regex = new RegExp(expression.getRegex());
  return (event) => regex.test(field(event));
}
