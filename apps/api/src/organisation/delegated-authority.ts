import { Injectable } from '@nestjs/common';
import { ActorMetadata, actorMetadata, CommandHandler } from '@app/command-handling';
import { type DelegatedAction, delegationCovers, type Delegator, DomainError, staffAccountDecider, staffStream } from '@app/domain';
import { toVietnamIso } from '@app/working-time';
import type { Principal } from '../auth/principal';
import type { CommandResult } from '../common/command-result.type';
import { DelegationQueries } from './delegations.queries';

/** The principal a delegate acts for: as the command data names them, and as the event metadata records them. */
export interface ActingFor {
  readonly delegator: Delegator;
  readonly metadata: ActorMetadata;
}

type Decide = (actingFor: ActingFor | null) => Promise<CommandResult>;

/**
 * Commands a delegate may make for a leader (ủy quyền; Decree 30 Điều 11, 13; Khánh Hòa S0 Điều 15.4). A command
 * is first decided as the actor's own, so a leader's own commands cost nothing more; only when the decider
 * refuses the actor is a delegation in force looked for on the delegator's staff account stream (not a read
 * model: a revocation counts from the moment it is stored), and the command decided again on their behalf.
 * The decider stays the one judge of who may act.
 */
@Injectable()
export class DelegatedAuthority {
  constructor(
    private readonly handler: CommandHandler,
    private readonly delegations: DelegationQueries,
  ) {}

  /** For the approver of an outgoing draft: retried when the decider names the approver (NOT_APPROVER). */
  async forApprover(actor: Principal, action: DelegatedAction, at: Date, decide: Decide): Promise<CommandResult> {
    try {
      return await decide(null);
    } catch (error) {
      const approver = refusal(error, 'NOT_APPROVER')?.approver as { username?: unknown } | undefined;
      const actingFor = typeof approver?.username === 'string' ? await this.delegationFrom(approver.username, actor, action, at) : null;
      if (actingFor === null) throw error;
      return decide(actingFor);
    }
  }

  /** For any leader of the agency who delegated `action` to the actor: retried when the actor lacks the role. */
  async forLeader(actor: Principal, action: DelegatedAction, at: Date, decide: Decide): Promise<CommandResult> {
    try {
      return await decide(null);
    } catch (error) {
      if (!refusal(error, 'MISSING_ROLE')) throw error;
      for (const delegator of await this.delegations.delegatorsOf(actor.username, action, at)) {
        const actingFor = await this.delegationFrom(delegator, actor, action, at);
        if (actingFor !== null) return decide(actingFor);
      }
      throw error;
    }
  }

  private async delegationFrom(delegator: string, actor: Principal, action: DelegatedAction, at: Date): Promise<ActingFor | null> {
    const { state: account } = await this.handler.state(staffStream(delegator), staffAccountDecider);
    if (account.status !== 'ACTIVE' || account.agencyCode !== actor.agencyCode) return null;
    const now = toVietnamIso(at);
    if (!account.delegations.some((d) => d.delegate.username === actor.username && delegationCovers(d, action, now))) return null;
    return { delegator: { username: account.username, fullName: account.fullName, roles: account.roles }, metadata: actorMetadata(account) };
  }
}

/** The details of the decider's FORBIDDEN_FOR_ROLE refusal with this reason, else null. */
function refusal(error: unknown, reason: string): Readonly<Record<string, unknown>> | null {
  return error instanceof DomainError && error.code === 'FORBIDDEN_FOR_ROLE' && error.details.reason === reason ? error.details : null;
}
