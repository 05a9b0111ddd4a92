import type { Role } from '../shared/decider';

interface StaffAccountFacts {
  readonly username: string;
  readonly fullName: string;
  readonly position: string;
  readonly agencyCode: string;
  readonly unitId: string | null;
  readonly roles: readonly Role[];
}

export type StaffAccountState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'ACTIVE' } & StaffAccountFacts)
  | ({ readonly status: 'LOCKED'; readonly lockReason: string; readonly lockedAt: string } & StaffAccountFacts);
