import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

describe('the embedded PostgreSQL and the shutdown signals', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qlvbdh-pg-signals-'));
    // As root, PostgreSQL runs as a separate user that must be able to reach the data folder.
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps running on SIGTERM, for a process that shuts down in order, until the process stops it', async () => {
    const child = spawn(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), join(__dirname, 'testing', 'shutdown-on-signal.child.ts'), join(dir, 'data'), String(await freePort())],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) resolve();
      });
      void exited.then((code) => reject(new Error(`the child exited (${code}) before it was ready: ${output}`)));
    });

    child.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(output).toContain('queried 1 after SIGTERM');
  });
});
