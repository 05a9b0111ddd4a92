/** Events and commands are readonly `{ type, data }` objects in discriminated unions. */
export type DomainEvent<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** Staff role names (api-contract.md `Role`). */
export type Role = 'ADMIN' | 'CLERK' | 'LEADER' | 'UNIT_HEAD' | 'OFFICER' | 'ARCHIVIST' | 'AUDITOR';

/** Who acts. The API resolves it from the bearer token and the directory; it also goes into event metadata. */
export interface Actor {
  readonly username: string;
  readonly fullName: string;
  readonly agencyCode: string;
  readonly unitId: string | null;
  readonly roles: readonly Role[];
}

/** What every command carries besides its data: no clock or randomness inside `decide`. */
export interface CommandContext {
  readonly actor: Actor;
  /** ISO 8601 instant with +07:00 offset. */
  readonly now: string;
}

export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  context: CommandContext;
}>;

/** A pure decider (architecture.md §3). `decide` throws DomainError to refuse. */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): readonly E[];
}

export function fold<E extends DomainEvent, S>(decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>, events: Iterable<E>): S {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
