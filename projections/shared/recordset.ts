/**
 * Set-based statements take their rows as one JSON parameter expanded by `jsonb_to_recordset`:
 * a batch of any size is one round trip, and the SQL text stays constant and parameterized.
 */
export type ColumnTypes = Readonly<Record<string, string>>;

/** `name type, …` for `jsonb_to_recordset($1::jsonb) AS e(…)`. */
export function recordsetColumns(columns: ColumnTypes): string {
  return Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
}

/** The column names, comma separated, optionally prefixed with a table alias. */
export function columnNames(columns: ColumnTypes, alias?: string): string {
  return Object.keys(columns)
    .map((name) => (alias ? `${alias}.${name}` : name))
    .join(', ');
}

export function recordsetParam(rows: readonly object[]): string {
  return JSON.stringify(rows);
}
