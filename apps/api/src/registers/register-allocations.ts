import { Inject, Injectable } from '@nestjs/common';
import type { RegisterNumberAllocated } from '@app/domain';
import { comparePositions, EventStore, GlobalPosition, Upcasters } from '@app/event-store';
import { EVENT_STORE } from '../runtime/tokens';

/**
 * Finds an earlier allocation of a register to a document. The register decider only recognises the
 * document of its last allocation (it folds the last event alone), so a retried registration that others
 * have overtaken looks its number up here instead of taking a second one.
 */
@Injectable()
export class RegisterAllocations {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly upcasters: Upcasters,
  ) {}

  /** The number `documentId` got from the register stream after `after`, reading backwards from the end. */
  async numberAllocatedAfter(registerStreamId: string, documentId: string, after: GlobalPosition): Promise<number | null> {
    for await (const stored of this.store.readStream(registerStreamId, { direction: 'backwards' })) {
      if (comparePositions(stored.position, after) <= 0) return null;
      const event = this.upcasters.upcast(stored);
      if (event.type !== 'RegisterNumberAllocated') continue;
      const data = event.data as RegisterNumberAllocated['data'];
      if (data.documentId === documentId) return data.number;
    }
    return null;
  }
}
