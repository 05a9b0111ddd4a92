import { Inject } from '@nestjs/common';
import { CommandHandler as NestCommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AllocateIssueSequence,
  AllocateRegisterNumber,
  IssueSequenceAllocated,
  issueSequenceDecider,
  IssueSequenceState,
  NumberOutgoingDocument,
  outgoingDocumentDecider,
  outgoingSequenceStream,
  outgoingStream,
  registerDecider,
  registerStream,
} from '@app/domain';
import { CommandEnvelope, CommandHandler } from '@app/command-handling';
import { comparePositions, deriveEventId, EventStore, GlobalPosition, Upcasters } from '@app/event-store';
import { vietnamLocalDate } from '@app/working-time';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/api-error';
import { appendedEvent } from '../common/appended-event';
import type { CommandResult } from '../common/command-result.type';
import { ALLOCATION_ATTEMPTS, allocateRegisterNumber, nextRegisterNumber } from '../common/register-numbering';
import { CommandGateway, toCommandResult } from '../commands/command-gateway';
import { RegisterAllocations } from '../registers/register-allocations';
import { EVENT_STORE } from '../runtime/tokens';
import { AgencyDirectory } from './agency-directory';

/** Cấp số văn bản đi (api-contract.md `numberOutgoingDocument`). */
export class NumberOutgoingDocumentCommand {
  constructor(
    readonly actor: Principal,
    readonly documentId: string,
    readonly registerCode: string,
    /** One id for the whole use case; every step derives its own from it, so a retry repeats nothing. */
    readonly commandId: string,
    readonly now: Date,
  ) {}
}

/**
 * Numbers a signed outgoing document across three streams, for the Vietnam-local year of now (Decree 30 Điều 15:
 * numbers run from 01 on 1 January): takes the next number of the OUTGOING register
 * `register-<agency>-<code>-<year>`, the next sequence of the agency's documents of the year
 * `outgoing_sequence-<agency>-<year>` (the document identifier), then appends OutgoingDocumentNumbered with the
 * notation built from the agency's and the drafting unit's abbreviations. Everything that can refuse without a side
 * effect is decided first, on the current states, so a refusal (not SIGNED, numbered already, another agency, a
 * register of another kind) takes no number.
 *
 * If the process dies between the steps, a retry (with any command id) finds what an earlier attempt took for this
 * document after its signature, in the register and the sequence streams, and numbers with it: no number is lost or
 * given twice. Two clerks numbering the same document at once may both reuse one number; the second is refused
 * with INVALID_TRANSITION at the last step. A document that changes meanwhile is refused at the last step and its
 * number stays a gap of the register, as a cancelled line of a paper register.
 */
@NestCommandHandler(NumberOutgoingDocumentCommand)
export class NumberOutgoingDocumentUseCase implements ICommandHandler<NumberOutgoingDocumentCommand, CommandResult> {
  constructor(
    private readonly handler: CommandHandler,
    private readonly commands: CommandGateway,
    private readonly allocations: RegisterAllocations,
    private readonly agencies: AgencyDirectory,
    private readonly upcasters: Upcasters,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ actor, documentId, registerCode, commandId, now }: NumberOutgoingDocumentCommand): Promise<CommandResult> {
    const context = this.commands.context(actor, now);
    const envelope = (step: string): CommandEnvelope => ({ commandId: `${commandId}:${step}`, correlationId: commandId, causationId: commandId });
    const documentStream = outgoingStream(documentId);

    const { state: document } = await this.handler.state(documentStream, outgoingDocumentDecider);
    if (document.status === 'NONE') throw notFound('Outgoing document', documentId);
    // A retry of a numbering that went through answers as it did; anything else past SIGNED is refused below.
    if (document.status !== 'SIGNED' && document.document.agencyCode === actor.agencyCode) {
      const earlier = await appendedEvent(this.store, documentStream, deriveEventId(envelope('number').commandId, 0));
      if (earlier) return { id: documentId, revision: Number(earlier.revision), position: earlier.position };
    }

    const issuedDate = vietnamLocalDate(now);
    const year = Number(issuedDate.slice(0, 4));
    const { agencyCode, unitId } = document.document;
    const agency = await this.agencies.agency(agencyCode);
    const numbering = (number: number, agencyIssueSequence: number): NumberOutgoingDocument => ({
      type: 'NumberOutgoingDocument',
      data: {
        documentId,
        registerCode,
        year,
        number,
        issuedDate,
        agencyAbbreviation: agency.abbreviation,
        unitAbbreviation: agency.units.find((unit) => unit.id === unitId)?.abbreviation ?? null,
        agencyIssueSequence,
      },
      context,
    });
    const allocation: AllocateRegisterNumber = {
      type: 'AllocateRegisterNumber',
      data: { agencyCode, registerCode, year, kind: 'OUTGOING', documentId },
      context,
    };
    const sequencing: AllocateIssueSequence = { type: 'AllocateIssueSequence', data: { agencyCode, year, documentId }, context };
    const registerStreamId = registerStream(agencyCode, registerCode, year);
    const sequenceStreamId = outgoingSequenceStream(agencyCode, year);

    // Side-effect-free checks: the document may be numbered by this actor now, the register and the sequence can give it one.
    const [{ state: register }, { state: sequence }] = await Promise.all([
      this.handler.state(registerStreamId, registerDecider, true),
      this.handler.state(sequenceStreamId, issueSequenceDecider, true),
    ]);
    outgoingDocumentDecider.decide(numbering(nextRegisterNumber(register), nextSequence(sequence)), document);
    registerDecider.decide(allocation, register);
    issueSequenceDecider.decide(sequencing, sequence);

    // The document is SIGNED, so its last event is its signature: whatever was taken for it since, an earlier attempt took.
    const signedAt = await this.lastPosition(documentStream);
    const number =
      (await this.allocations.numberAllocatedAfter(registerStreamId, documentId, signedAt)) ??
      (await allocateRegisterNumber(this.handler, this.allocations, registerStreamId, allocation, envelope('allocate'), signedAt));
    const agencySequence =
      (await this.sequenceAllocatedAfter(sequenceStreamId, documentId, signedAt)) ??
      (await this.allocateSequence(sequenceStreamId, sequencing, envelope('sequence'), signedAt));

    const numbered = await this.handler.handle({
      streamId: documentStream,
      decider: outgoingDocumentDecider,
      command: numbering(number, agencySequence),
      envelope: envelope('number'),
    });
    return toCommandResult(documentId, numbered);
  }

  private async allocateSequence(streamId: string, command: AllocateIssueSequence, envelope: CommandEnvelope, after: GlobalPosition): Promise<number> {
    const result = await this.handler.handle({
      streamId,
      decider: issueSequenceDecider,
      command,
      envelope,
      foldsFromLastEventOnly: true,
      maxAttempts: ALLOCATION_ATTEMPTS,
    });
    const allocated = result.events[0] as IssueSequenceAllocated | undefined;
    if (allocated) return allocated.data.sequence;
    const sequence = await this.sequenceAllocatedAfter(streamId, command.data.documentId, after);
    if (sequence === null) throw new Error(`Issue sequence ${streamId} gave document ${command.data.documentId} no sequence`);
    return sequence;
  }

  /** The sequence `documentId` got from the stream after `after`, reading backwards from the end. */
  private async sequenceAllocatedAfter(streamId: string, documentId: string, after: GlobalPosition): Promise<number | null> {
    for await (const stored of this.store.readStream(streamId, { direction: 'backwards' })) {
      if (comparePositions(stored.position, after) <= 0) return null;
      const { data } = this.upcasters.upcast(stored) as unknown as IssueSequenceAllocated;
      if (data.documentId === documentId) return data.sequence;
    }
    return null;
  }

  private async lastPosition(streamId: string): Promise<GlobalPosition> {
    for await (const event of this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) return event.position;
    throw new Error(`Stream ${streamId} is empty`);
  }
}

/** The sequence the stream would give next: what the checks decide with. */
function nextSequence(sequence: IssueSequenceState): number {
  return sequence.status === 'ALLOCATING' ? sequence.lastSequence + 1 : 1;
}
