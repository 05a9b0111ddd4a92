import type { Actor } from '@app/domain';

export interface Principal extends Actor {
  readonly locked: boolean;
}

/** Finds the staff account behind a token's username (the directory read model implements it). */
export interface PrincipalDirectory {
  findByUsername(username: string): Promise<Principal | null>;
}

export const PRINCIPAL_DIRECTORY = Symbol('PRINCIPAL_DIRECTORY');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** What a request carries once authenticated, plus where it came from (for the access log). */
export interface RequestContext {
  actor?: Principal;
  ip?: string;
  userAgent?: string;
}
