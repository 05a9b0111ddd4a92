export interface UnitSummary {
  readonly unitId: string;
  readonly name: string;
  readonly abbreviation: string;
}

export type AgencyState =
  | { readonly status: 'UNREGISTERED' }
  | {
      readonly status: 'REGISTERED';
      readonly code: string;
      readonly name: string;
      readonly abbreviation: string;
      readonly parentCode: string | null;
      readonly units: readonly UnitSummary[];
    };
