import type { Role } from '@app/domain';
import type { JsonObject } from '@app/event-store';

export interface MetadataActor {
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly agencyCode: string;
}

/** The metadata CommandHandler writes for a command (sealing then adds `previousHash` and `hash`). */
export function commandMetadata(actor: MetadataActor, commandId: string, occurredAt: string): JsonObject {
  return {
    actor: { ...actor, roles: [actor.role] },
    onBehalfOf: null,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    occurredAt,
    schemaVersion: 1,
  };
}
