import type { Evaluated } from './result-rows';

interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
  cell(row: Evaluated): string;
}

const integer = (n: number | null): string => (n === null ? '' : Math.round(n).toLocaleString('en-US'));
const decimal = (n: number | null, digits: number): string => (n === null ? '' : n.toFixed(digits));

const COLUMNS: readonly Column[] = [
  { title: '', align: 'left', cell: (row) => row.benchmark },
  { title: 'case', align: 'left', cell: (row) => row.case },
  { title: 'ops', align: 'right', cell: (row) => integer(row.ops) },
  { title: 's', align: 'right', cell: (row) => decimal(row.seconds, 2) },
  { title: 'ops/s', align: 'right', cell: (row) => integer(row.opsPerSecond) },
  { title: 'p50 ms', align: 'right', cell: (row) => decimal(row.p50Ms, 2) },
  { title: 'p99 ms', align: 'right', cell: (row) => decimal(row.p99Ms, 2) },
  { title: 'ratio', align: 'right', cell: (row) => (row.ratio === null ? '' : `${row.ratio.toFixed(2)}× ${row.relativeTo}`) },
  { title: 'target', align: 'left', cell: targetCell },
  { title: 'note', align: 'left', cell: noteCell },
];

function targetCell(row: Evaluated): string {
  if (!row.target) return '';
  const target = row.target;
  const wanted =
    target.metric === 'p99Ms' ? `p99 ≤ ${target.max} ms` : target.metric === 'ratio' ? `ratio ≥ ${target.min}` : `≥ ${integer(target.min)}/s`;
  const verdict = row.passed === null ? 'not judged' : row.passed ? 'PASS' : 'FAIL';
  return `${wanted}: ${verdict}`;
}

function noteCell(row: Evaluated): string {
  const parts = [row.failed ? `FAILED: ${row.failed}` : '', row.skipped ? `skipped: ${row.skipped}` : '', row.errors ? `${row.errors} errors` : '', row.note ?? ''];
  return parts.filter((part) => part !== '').join('; ');
}

/** A plain-text table, one line per row, columns padded to their widest cell. */
export function renderTable(rows: readonly Evaluated[]): string {
  const cells = rows.map((row) => COLUMNS.map((column) => column.cell(row)));
  const widths = COLUMNS.map((column, i) => Math.max(column.title.length, ...cells.map((line) => line[i].length)));
  const render = (line: readonly string[]) =>
    line
      .map((cell, i) => (COLUMNS[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const header = render(COLUMNS.map((column) => column.title));
  return [header, '-'.repeat(header.length), ...cells.map(render)].join('\n');
}
