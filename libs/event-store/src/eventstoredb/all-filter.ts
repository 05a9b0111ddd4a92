import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { AllFilter, RecordedEvent } from '../event-store.port';

/** System events (`$`-prefixed types: stats, metadata, links…) are never part of the application's history. */
const isSystemEvent = (event: RecordedEvent) => event.type.startsWith('$');

/**
 * The server-side filter for a subscription to `$all`. The server applies one filter, so it gets the
 * event types when there are any (as an exact-match regex), otherwise the stream prefixes, otherwise
 * the exclusion of system events; `acceptsEvent` then enforces the whole filter on the client.
 */
export function serverFilter(filter: AllFilter): Filter {
  if (filter.eventTypes && filter.eventTypes.length > 0) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  if (filter.streamPrefixes && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  return excludeSystemEvents();
}

export function acceptsEvent(filter: AllFilter): (event: RecordedEvent) => boolean {
  const { eventTypes, streamPrefixes } = filter;
  return (event) =>
    !isSystemEvent(event) &&
    (!eventTypes || eventTypes.includes(event.type)) &&
    (!streamPrefixes || streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)));
}

/** Escapes the characters special to both JavaScript and .NET regular expressions. */
const escapeRegex = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
