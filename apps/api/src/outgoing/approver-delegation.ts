import { Injectable } from '@nestjs/common';
import { ActorMetadata, actorMetadata, CommandHandler } from '@app/command-handling';
import {
  type DelegatedAction,
  delegationCovers,
  outgoingDocumentDecider,
  outgoingStream,
  type PersonRef,
  staffAccountDecider,
  staffStream,
} from '@app/domain';
import { toVietnamIso } from '@app/working-time';
import type { Principal } from '../auth/principal';
import { Clock } from './clock';

/** The approver a delegate acts for: as the command data names them, and as the event metadata records them. */
export interface ActingFor {
  readonly person: PersonRef;
  readonly metadata: ActorMetadata;
}

/**
 * Who the actor approves, returns or signs a draft for (Decree 30 Điều 11, 13): themself when they are its
 * approver, else the approver when a delegation in force lets the actor do `action` for them. Delegations are
 * read from the approver's staff account stream, not a read model: a revocation counts from the moment it is
 * stored. Otherwise null, and the decider refuses the actor as it refuses anyone but the approver.
 */
@Injectable()
export class ApproverDelegation {
  constructor(
    private readonly handler: CommandHandler,
    private readonly clock: Clock,
  ) {}

  async actingFor(actor: Principal, documentId: string, action: DelegatedAction): Promise<ActingFor | null> {
    const { state } = await this.handler.state(outgoingStream(documentId), outgoingDocumentDecider);
    const approver = 'approver' in state ? state.approver : null;
    if (approver === null || approver.username === actor.username) return null;
    const { state: account } = await this.handler.state(staffStream(approver.username), staffAccountDecider);
    if (account.status !== 'ACTIVE') return null;
    const now = toVietnamIso(this.clock.now());
    const delegated = account.delegations.some((d) => d.delegate.username === actor.username && delegationCovers(d, action, now));
    if (!delegated) return null;
    return { person: { username: account.username, fullName: account.fullName }, metadata: actorMetadata(account) };
  }
}
