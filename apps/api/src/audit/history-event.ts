import { isIsoInstant, ROLES } from '@app/domain';
import type { Role as DomainRole } from '@app/domain';
import type { RecordedEvent, Upcasters } from '@app/event-store';
import { Role } from '../common/enums';
import type { DocumentKind } from './document-kinds';
import type { DocumentHistoryEvent, EventActor } from './document-history.types';
import { ROLE_TITLES } from './event-summary/summary-phrases';

// Stored events are shown as they are, whatever they hold: a malformed field reads as null, never as an error,
// so a tampered or legacy event still appears in the history an auditor reads.

const isRole = (value: unknown): value is DomainRole => ROLES.includes(value as DomainRole);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The `actor` / `onBehalfOf` metadata (command-handling `ActorMetadata`), or null when absent or malformed. */
export function readActor(value: unknown): EventActor | null {
  if (typeof value !== 'object' || value === null) return null;
  const actor = value as Record<string, unknown>;
  const username = text(actor.username);
  if (username === null) return null;
  const roles = Array.isArray(actor.roles) ? actor.roles.filter(isRole) : [];
  return {
    username,
    fullName: text(actor.fullName) ?? username,
    role: isRole(actor.role) ? (actor.role as Role) : null,
    roles: roles as Role[],
    agencyCode: text(actor.agencyCode) ?? '',
  };
}

/** "Văn thư Trần Thị Thư", "Lãnh đạo Lê Văn Đạo (thay Nguyễn Văn A)"; "Hệ thống" for an event without actor. */
export function actorPhrase(actor: EventActor | null, onBehalfOf: EventActor | null): string {
  if (actor === null) return 'Hệ thống';
  const who = actor.role === null ? actor.fullName : `${ROLE_TITLES[actor.role]} ${actor.fullName}`;
  return onBehalfOf === null ? who : `${who} (thay ${onBehalfOf.fullName})`;
}

/** One history entry: everything from the stored event; only the summary reads the upcast (current) payload. */
export function toHistoryEvent(kind: DocumentKind, stored: RecordedEvent, upcasters: Upcasters): DocumentHistoryEvent {
  const metadata = stored.metadata;
  const actor = readActor(metadata.actor);
  const onBehalfOf = readActor(metadata.onBehalfOf);
  const by = actorPhrase(actor, onBehalfOf);
  return {
    revision: Number(stored.revision),
    position: stored.position,
    eventId: stored.eventId,
    type: stored.type,
    occurredAt: isIsoInstant(metadata.occurredAt) ? metadata.occurredAt : null,
    recordedAt: stored.recordedAt,
    actor,
    onBehalfOf,
    summary: summarize(kind, stored, upcasters, by),
    data: stored.data,
    metadata,
    commandId: text(metadata.commandId),
    causationId: text(metadata.causationId),
    correlationId: text(metadata.correlationId),
    schemaVersion: Number.isInteger(metadata.schemaVersion) ? (metadata.schemaVersion as number) : null,
    hash: text(metadata.hash),
    previousHash: text(metadata.previousHash),
  };
}

/** The kind's sentence; a plain one for a type it does not know or a payload it cannot read (altered data). */
function summarize(kind: DocumentKind, stored: RecordedEvent, upcasters: Upcasters, by: string): string {
  const plain = `${by}: ${stored.type}`;
  try {
    const current = upcasters.upcast(stored);
    return kind.summarize({ type: current.type, data: current.data }, by) ?? plain;
  } catch {
    return plain;
  }
}
