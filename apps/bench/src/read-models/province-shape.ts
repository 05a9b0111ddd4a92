/** The generated province of benchmark f: agencies `000.00.00.H41` … `000.01.99.H41`, each with its officers and units. */
export const AGENCIES = 200;
export const OFFICERS_PER_AGENCY = 20;
export const UNITS_PER_AGENCY = 5;
