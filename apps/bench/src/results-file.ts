import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Writes `bench-results/bench-<runId>.json` under the working directory (gitignored); returns its path. */
export function writeResultsFile(runId: string, results: object): string {
  const folder = resolve('bench-results');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `bench-${runId}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
