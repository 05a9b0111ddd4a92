import type { Command } from '../shared/decider';
import type { RegisterKind } from './register.events';

/** CLERK or ADMIN of `agencyCode`: the clerk creates the year's registers (Ninh Bình Điều 8.2.a). */
export type OpenRegister = Command<
  'OpenRegister',
  {
    agencyCode: string;
    kind: RegisterKind;
    year: number;
    code: string;
    name: string;
    documentTypes: readonly string[];
  }
>;

/**
 * CLERK of `agencyCode`: take the next number for `documentId`. `year` is the Vietnam-local year of the
 * registration (incoming) or issue (outgoing) date, computed by the application.
 */
export type AllocateRegisterNumber = Command<
  'AllocateRegisterNumber',
  {
    agencyCode: string;
    registerCode: string;
    year: number;
    kind: RegisterKind;
    documentId: string;
  }
>;

export type RegisterCommand = OpenRegister | AllocateRegisterNumber;
