import type { RegisterKind } from './register.events';

/**
 * A register's state is a function of the stream's last event alone (see register.events.ts).
 * UNOPENED: no event yet (a default register can still allocate from it).
 */
export type RegisterState =
  | { readonly status: 'UNOPENED' }
  | {
      readonly status: 'OPEN';
      readonly agencyCode: string;
      readonly registerCode: string;
      readonly kind: RegisterKind;
      readonly year: number;
      readonly name: string;
      /** 0 before the first allocation. */
      readonly lastNumber: number;
      /** The document that got `lastNumber`, or null before the first allocation. */
      readonly lastDocumentId: string | null;
    };
