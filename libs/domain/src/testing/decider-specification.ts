import { fold, type Command, type Decider, type DomainEvent } from '../shared/decider';
import { DomainError, type DomainErrorCode } from '../shared/domain-error';

/** Either a partial object that `details` must contain (`toMatchObject`), or a predicate. */
export type DetailsMatcher = Readonly<Record<string, unknown>> | ((details: Readonly<Record<string, unknown>>) => boolean);

export interface WhenClause<E, S> {
  /** Asserts exactly these events (deep equality) and returns the state after them, for further assertions. */
  then(expected: readonly E[]): S;
  /** Asserts that the command is accepted and changes nothing (idempotent repeat). */
  thenNothingHappens(): S;
  /** Asserts a DomainError with this code (and details), i.e. that NO events result. */
  thenThrows(code: DomainErrorCode, details?: DetailsMatcher): DomainError;
}

export interface GivenClause<C, E, S> {
  when(command: C): WhenClause<E, S>;
}

/**
 * Given/when/then for deciders (style-anchors.md rec. 11; after event-driven-io's `DeciderSpecification`):
 *
 *   DeciderSpecification.for(registerDecider)
 *     .given([opened])
 *     .when(allocate)
 *     .then([allocated]);
 */
export const DeciderSpecification = {
  for<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
    return {
      given(events: readonly E[]): GivenClause<C, E, S> {
        return {
          when(command: C): WhenClause<E, S> {
            const state = fold(decider, events);
            const run = (): readonly E[] => decider.decide(command, state);
            const after = (produced: readonly E[]): S => produced.reduce(decider.evolve, state);
            return {
              then(expected) {
                const produced = run();
                expect(produced).toEqual(expected);
                return after(produced);
              },
              thenNothingHappens() {
                const produced = run();
                expect(produced).toEqual([]);
                return state;
              },
              thenThrows(code, details) {
                let produced: readonly E[];
                try {
                  produced = run();
                } catch (error) {
                  if (!(error instanceof DomainError)) throw error;
                  expect({ code: error.code, message: error.message, details: error.details }).toMatchObject({ code });
                  if (typeof details === 'function') {
                    if (!details(error.details)) {
                      throw new Error(`DomainError ${code} has details that do not match: ${JSON.stringify(error.details)}`);
                    }
                  } else if (details !== undefined) {
                    expect(error.details).toMatchObject(details);
                  }
                  return error;
                }
                throw new Error(`Expected DomainError ${code}, but decide returned ${JSON.stringify(produced)}`);
              },
            };
          },
        };
      },
    };
  },
};
