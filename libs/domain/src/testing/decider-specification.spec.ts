import type { Command, Decider, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { DeciderSpecification } from './decider-specification';
import { actor } from './actors';

type Added = DomainEvent<'Added', { amount: number }>;
type Add = Command<'Add', { amount: number }>;
const counter: Decider<Add, Added, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.amount,
  decide(command, total) {
    if (command.data.amount <= 0) throw new DomainError('VALIDATION_FAILED', 'positive only', { field: 'amount' });
    if (total + command.data.amount > 10) return [];
    return [{ type: 'Added', data: { amount: command.data.amount } }];
  },
};
const add = (amount: number): Add => ({ type: 'Add', data: { amount }, context: { actor: actor('CLERK'), now: '2025-01-01T00:00:00Z' } });
const spec = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('passes when the events match and returns the state after them', () => {
    expect(spec.given([{ type: 'Added', data: { amount: 2 } }]).when(add(3)).then([{ type: 'Added', data: { amount: 3 } }])).toBe(5);
  });

  it('fails when the events differ', () => {
    expect(() => spec.given([]).when(add(3)).then([{ type: 'Added', data: { amount: 4 } }])).toThrow();
  });

  it('fails thenThrows when decide returns events', () => {
    expect(() => spec.given([]).when(add(3)).thenThrows('VALIDATION_FAILED')).toThrow(/Expected DomainError VALIDATION_FAILED/);
  });

  it('fails thenThrows on another code or other details', () => {
    expect(() => spec.given([]).when(add(0)).thenThrows('NOT_FOUND')).toThrow();
    expect(() => spec.given([]).when(add(0)).thenThrows('VALIDATION_FAILED', { field: 'other' })).toThrow();
    expect(() => spec.given([]).when(add(0)).thenThrows('VALIDATION_FAILED', (details) => details.field === 'other')).toThrow();
  });

  it('passes thenThrows on the code and matching details', () => {
    const error = spec.given([]).when(add(0)).thenThrows('VALIDATION_FAILED', { field: 'amount' });
    expect(error.message).toBe('positive only');
    spec.given([]).when(add(-1)).thenThrows('VALIDATION_FAILED', (details) => details.field === 'amount');
  });

  it('checks that nothing happens', () => {
    expect(spec.given([{ type: 'Added', data: { amount: 9 } }]).when(add(5)).thenNothingHappens()).toBe(9);
    expect(() => spec.given([]).when(add(5)).thenNothingHappens()).toThrow();
  });
});
