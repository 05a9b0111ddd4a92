import type { Actor, Role } from '@app/domain';

/** The actor as recorded in event metadata (architecture.md §4). */
export interface ActorMetadata {
  readonly username: string;
  readonly fullName: string;
  readonly role: Role | null;
  readonly roles: readonly Role[];
  readonly agencyCode: string;
}

/** What the application knows about a command besides the domain command itself. */
export interface CommandEnvelope {
  /** Unique per intent; a retry of the same intent reuses it, which makes the append idempotent. */
  readonly commandId: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** The principal a delegate acts for (ủy quyền), if any. */
  readonly onBehalfOf?: ActorMetadata | null;
  /** The role under which the actor acts, for the record; defaults to the actor's first role. */
  readonly actingRole?: Role;
}

export function actorMetadata(actor: Actor, actingRole?: Role): ActorMetadata {
  return {
    username: actor.username,
    fullName: actor.fullName,
    role: actingRole ?? actor.roles[0] ?? null,
    roles: actor.roles,
    agencyCode: actor.agencyCode,
  };
}
