/**
 * Stream ids of every aggregate. The prefix before the first `-` is the stream's category
 * (EventStoreDB `$ce-<category>`), so no category contains a `-`.
 */

export const STREAM_CATEGORIES = {
  agency: 'agency',
  staff: 'staff',
  register: 'register',
  incoming: 'incoming',
  incomingIdentity: 'incoming_identity',
  outgoing: 'outgoing',
  outgoingSequence: 'outgoing_sequence',
  delivery: 'delivery',
  calendar: 'calendar',
} as const;

/** `agency-<code>`, e.g. `agency-000.00.01.H41`. */
export function agencyStream(agencyCode: string): string {
  return `${STREAM_CATEGORIES.agency}-${agencyCode}`;
}

/** `staff-<username>`. */
export function staffStream(username: string): string {
  return `${STREAM_CATEGORIES.staff}-${username}`;
}

/** `register-<agencyCode>-<registerCode>-<year>`, e.g. `register-000.00.01.H41-DEN-2025`. */
export function registerStream(agencyCode: string, registerCode: string, year: number): string {
  return `${STREAM_CATEGORIES.register}-${agencyCode}-${registerCode}-${year}`;
}

/** `incoming-<documentId>`. */
export function incomingStream(documentId: string): string {
  return `${STREAM_CATEGORIES.incoming}-${documentId}`;
}

/** `incoming_identity-<key>` where key = `incomingIdentityKey(...)`. */
export function incomingIdentityStream(key: string): string {
  return `${STREAM_CATEGORIES.incomingIdentity}-${key}`;
}

/** The id part of an `incoming-<documentId>` stream, or null for another category. */
export function documentIdOfIncomingStream(streamId: string): string | null {
  const prefix = `${STREAM_CATEGORIES.incoming}-`;
  return streamId.startsWith(prefix) ? streamId.slice(prefix.length) : null;
}

/** `outgoing-<documentId>`. */
export function outgoingStream(documentId: string): string {
  return `${STREAM_CATEGORIES.outgoing}-${documentId}`;
}

/** The id part of an `outgoing-<documentId>` stream, or null for another category. */
export function documentIdOfOutgoingStream(streamId: string): string | null {
  const prefix = `${STREAM_CATEGORIES.outgoing}-`;
  return streamId.startsWith(prefix) ? streamId.slice(prefix.length) : null;
}

/** `outgoing_sequence-<agencyCode>-<year>`: the agency's issue sequence of a year (document identifiers). */
export function outgoingSequenceStream(agencyCode: string, year: number): string {
  return `${STREAM_CATEGORIES.outgoingSequence}-${agencyCode}-${year}`;
}

/** `delivery-<documentId>`: the sender's delivery tracking of an issued outgoing document. */
export function deliveryStream(documentId: string): string {
  return `${STREAM_CATEGORIES.delivery}-${documentId}`;
}

/** The id part of a `delivery-<documentId>` stream, or null for another category. */
export function documentIdOfDeliveryStream(streamId: string): string | null {
  const prefix = `${STREAM_CATEGORIES.delivery}-`;
  return streamId.startsWith(prefix) ? streamId.slice(prefix.length) : null;
}

/** `calendar-<agencyCode>`: the agency's working calendar (weekly sessions, yearly holidays and make-up days). */
export function calendarStream(agencyCode: string): string {
  return `${STREAM_CATEGORIES.calendar}-${agencyCode}`;
}
