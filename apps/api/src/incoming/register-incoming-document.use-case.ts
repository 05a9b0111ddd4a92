import { Inject } from '@nestjs/common';
import { CommandHandler as NestCommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AllocateRegisterNumber,
  ClaimIncomingIdentity,
  identityKeyOf,
  incomingDocumentDecider,
  incomingIdentityDecider,
  incomingIdentityStream,
  incomingStream,
  RegisterIncomingDocument,
  registerDecider,
  registerStream,
} from '@app/domain';
import { CommandEnvelope, CommandHandler } from '@app/command-handling';
import { deriveEventId, EventStore, GlobalPosition } from '@app/event-store';
import { vietnamLocalDate } from '@app/working-time';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/api-error';
import { appendedEvent } from '../common/appended-event';
import type { CommandResult } from '../common/command-result.type';
import { allocateRegisterNumber, nextRegisterNumber } from '../common/register-numbering';
import { CommandGateway, toCommandResult } from '../commands/command-gateway';
import { RegisterAllocations } from '../registers/register-allocations';
import { EVENT_STORE } from '../runtime/tokens';

/** Vào sổ văn bản đến (api-contract.md `registerIncomingDocument`). */
export class RegisterIncomingDocumentCommand {
  constructor(
    readonly actor: Principal,
    readonly documentId: string,
    readonly registerCode: string,
    /** One id for the whole use case; every step derives its own from it, so a retry repeats nothing. */
    readonly commandId: string,
    readonly now: Date = new Date(),
  ) {}
}

/**
 * Registers an incoming document across three streams: claims its identity in `incoming_identity-<key>`
 * (a second document with the same sender, number, notation and year is DUPLICATE_DOCUMENT naming the first),
 * takes the next number of the register `register-<agency>-<code>-<year>`, then appends
 * IncomingDocumentRegistered to the document. Everything that can refuse without a side effect is decided
 * first, on the current states (the document, then the register), so a refusal claims and numbers nothing.
 *
 * If the process dies between the steps:
 * - after the claim: the identity belongs to this document, still RECEIVED. A retry (with any command id)
 *   finds the claim its own and carries on; until then another copy of it is refused as its duplicate.
 * - after the allocation: the number belongs to this document in the register stream. A retry finds its claim
 *   its own, looks for a number given to it after that claim and registers with it, so no number is lost or
 *   given twice. Without a retry the number stays a gap of the register, counted in its last number.
 * - after the registration: a retry with the same command id answers with the event already appended; with
 *   another id it is INVALID_TRANSITION (the document is REGISTERED).
 * A document that changes between the checks and the last step (rejected or recalled meanwhile) is refused
 * with INVALID_TRANSITION at the last step, and its number stays a gap, as a cancelled line of a paper register.
 */
@NestCommandHandler(RegisterIncomingDocumentCommand)
export class RegisterIncomingDocumentUseCase implements ICommandHandler<RegisterIncomingDocumentCommand, CommandResult> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly commands: CommandGateway,
    private readonly allocations: RegisterAllocations,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ actor, documentId, registerCode, commandId, now }: RegisterIncomingDocumentCommand): Promise<CommandResult> {
    const context = this.commands.context(actor, now);
    const envelope = (step: string): CommandEnvelope => ({ commandId: `${commandId}:${step}`, correlationId: commandId, causationId: commandId });
    const documentStream = incomingStream(documentId);

    const { state: document } = await this.handler.state(documentStream, incomingDocumentDecider);
    if (document.status === 'NONE') throw notFound('Incoming document', documentId);
    // A retry of a registration that went through answers as it did; anything else past RECEIVED is refused below.
    if (document.status !== 'RECEIVED' && document.document.agencyCode === actor.agencyCode) {
      const earlier = await appendedEvent(this.store, documentStream, deriveEventId(envelope('register').commandId, 0));
      if (earlier) return { id: documentId, revision: Number(earlier.revision), position: earlier.position };
    }

    const arrivalDate = vietnamLocalDate(now);
    const year = Number(arrivalDate.slice(0, 4));
    const { agencyCode } = document.document;
    const identityKey = identityKeyOf(document);
    const registerStreamId = registerStream(agencyCode, registerCode, year);
    const registration = (arrivalNumber: number): RegisterIncomingDocument => ({
      type: 'RegisterIncomingDocument',
      data: { documentId, registerCode, year, arrivalNumber, arrivalDate, identityKey },
      context,
    });
    const allocation: AllocateRegisterNumber = {
      type: 'AllocateRegisterNumber',
      data: { agencyCode, registerCode, year, kind: 'INCOMING', documentId },
      context,
    };

    // Side-effect-free checks: the document may be registered by this actor now, and the register can number it.
    const { state: register } = await this.handler.state(registerStreamId, registerDecider, true);
    incomingDocumentDecider.decide(registration(nextRegisterNumber(register)), document);
    registerDecider.decide(allocation, register);

    const claim = await this.handler.handle({
      streamId: incomingIdentityStream(identityKey),
      decider: incomingIdentityDecider,
      command: { type: 'ClaimIncomingIdentity', data: { key: identityKey, agencyCode, documentId }, context } satisfies ClaimIncomingIdentity,
      envelope: envelope('claim'),
    });
    const claimedAt = claim.position as GlobalPosition;
    // A claim that appended nothing was made by an earlier attempt, which may have taken a number already.
    const earlierNumber =
      claim.events.length === 0 ? await this.allocations.numberAllocatedAfter(registerStreamId, documentId, claimedAt) : null;
    const arrivalNumber =
      earlierNumber ?? (await allocateRegisterNumber(this.handler, this.allocations, registerStreamId, allocation, envelope('allocate'), claimedAt));

    const registered = await this.handler.handle({
      streamId: documentStream,
      decider: incomingDocumentDecider,
      command: registration(arrivalNumber),
      envelope: envelope('register'),
    });
    return toCommandResult(documentId, registered);
  }
}
