import { AllocateRegisterNumber, RegisterNumberAllocated, registerDecider, RegisterState } from '@app/domain';
import { CommandEnvelope, CommandHandler } from '@app/command-handling';
import type { GlobalPosition } from '@app/event-store';
import type { RegisterAllocations } from '../registers/register-allocations';

/**
 * Concurrent allocations from one register all append to its stream; each conflict is retried by re-reading
 * its last event and deciding again, which the pure decider makes safe. 100 attempts outlast a burst of 100
 * concurrent allocations from one register, since every round lets at least one of them through.
 */
export const ALLOCATION_ATTEMPTS = 100;

/** The number the register would give next: what the side-effect-free checks decide with. */
export function nextRegisterNumber(register: RegisterState): number {
  return register.status === 'OPEN' ? register.lastNumber + 1 : 1;
}

/**
 * Takes the next number of the register stream `streamId` for the command's document. When the step had run
 * already (a retry with the same envelope appends nothing), its number is the one given to the document after
 * `after`, a position before any attempt of the use case.
 */
export async function allocateRegisterNumber(
  handler: CommandHandler,
  allocations: RegisterAllocations,
  streamId: string,
  command: AllocateRegisterNumber,
  envelope: CommandEnvelope,
  after: GlobalPosition,
): Promise<number> {
  const result = await handler.handle({
    streamId,
    decider: registerDecider,
    command,
    envelope,
    foldsFromLastEventOnly: true,
    maxAttempts: ALLOCATION_ATTEMPTS,
  });
  const allocated = result.events[0] as RegisterNumberAllocated | undefined;
  if (allocated) return allocated.data.number;
  const number = await allocations.numberAllocatedAfter(streamId, command.data.documentId, after);
  if (number === null) throw new Error(`Register ${streamId} gave document ${command.data.documentId} no number`);
  return number;
}
