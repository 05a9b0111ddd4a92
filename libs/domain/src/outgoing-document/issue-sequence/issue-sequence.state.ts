/** EMPTY: no allocation yet this year (the first is 1). The state is a function of the stream's last event. */
export type IssueSequenceState =
  | { readonly status: 'EMPTY' }
  | {
      readonly status: 'ALLOCATING';
      readonly agencyCode: string;
      readonly year: number;
      readonly lastSequence: number;
      readonly lastDocumentId: string;
    };
