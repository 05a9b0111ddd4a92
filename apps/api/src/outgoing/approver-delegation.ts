import { Injectable } from '@nestjs/common';
import { ActorMetadata, actorMetadata, CommandHandler } from '@app/command-handling';
import { type DelegatedAction, delegationCovers, DomainError, type PersonRef, staffAccountDecider, staffStream } from '@app/domain';
import { toVietnamIso } from '@app/working-time';
import type { Principal } from '../auth/principal';
import type { CommandResult } from '../common/command-result.type';
import { Clock } from './clock';

/** The approver a delegate acts for: as the command data names them, and as the event metadata records them. */
export interface ActingFor {
  readonly person: PersonRef;
  readonly metadata: ActorMetadata;
}

/**
 * Approving, returning and signing a draft belong to its approver (Decree 30 Điều 11, 13) or their delegate. The
 * command is first decided as the actor's own; only when the decider answers that the actor is not the approver
 * is a delegation looked for, on the approver's staff account stream (not a read model: a revocation counts from
 * the moment it is stored), and the command decided again on the approver's behalf. The approver's own commands
 * cost nothing more, and the decider stays the one judge of who the approver is.
 */
@Injectable()
export class ApproverDelegation {
  constructor(
    private readonly handler: CommandHandler,
    private readonly clock: Clock,
  ) {}

  async asApproverOrDelegate(
    actor: Principal,
    action: DelegatedAction,
    decide: (actingFor: ActingFor | null) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    try {
      return await decide(null);
    } catch (error) {
      const approver = notTheApprover(error);
      const actingFor = approver === null ? null : await this.delegationFrom(approver, actor, action);
      if (actingFor === null) throw error;
      return decide(actingFor);
    }
  }

  private async delegationFrom(approver: PersonRef, actor: Principal, action: DelegatedAction): Promise<ActingFor | null> {
    const { state: account } = await this.handler.state(staffStream(approver.username), staffAccountDecider);
    if (account.status !== 'ACTIVE') return null;
    const now = toVietnamIso(this.clock.now());
    const delegated = account.delegations.some((d) => d.delegate.username === actor.username && delegationCovers(d, action, now));
    return delegated ? { person: { username: account.username, fullName: account.fullName }, metadata: actorMetadata(account) } : null;
  }
}

/** The approver named by the decider's NOT_APPROVER refusal, else null. */
function notTheApprover(error: unknown): PersonRef | null {
  if (!(error instanceof DomainError) || error.code !== 'FORBIDDEN_FOR_ROLE' || error.details.reason !== 'NOT_APPROVER') return null;
  const approver = error.details.approver as PersonRef | undefined;
  return approver && typeof approver.username === 'string' ? approver : null;
}
