import type { Role } from '../shared/decider';
import type { Delegation } from './delegation';

interface StaffAccountFacts {
  readonly username: string;
  readonly fullName: string;
  readonly position: string;
  readonly agencyCode: string;
  readonly unitId: string | null;
  readonly roles: readonly Role[];
  /** Granted by this account, revoked ones included (in order of grant). */
  readonly delegations: readonly Delegation[];
}

export type StaffAccountState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'ACTIVE' } & StaffAccountFacts)
  | ({ readonly status: 'LOCKED'; readonly lockReason: string; readonly lockedAt: string } & StaffAccountFacts);
