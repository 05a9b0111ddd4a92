/**
 * Set-based statements take their rows as one JSON parameter expanded by `jsonb_to_recordset`:
 * a batch of any size is one round trip, and the SQL text stays constant and parameterized.
 */
export type ColumnTypes = Readonly<Record<string, string>>;

/**
 * `jsonb_to_recordset($1::jsonb)` with these columns (`name type, …`) as a relation to join read-model tables with.
 * PostgreSQL counts a set-returning function as 100 rows, so a round of one or two events joined with its table was
 * planned as a hash join over a sequential scan of the whole table, every row of every document ever projected.
 * Limited to the array's length, which the planner folds to the count (these statements are unnamed, so planned
 * with their parameter), the round's real size picks an index lookup per row.
 */
export function recordset(columns: string): string {
  return `(SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${columns}) LIMIT jsonb_array_length($1::jsonb)) AS e`;
}

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
