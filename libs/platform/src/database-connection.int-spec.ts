import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadEnvironment } from '@app/config';
import { freePort } from '@app/database';
import { connectDatabase } from './database-connection';

describe('connectDatabase without DATABASE_URL (the embedded PostgreSQL)', () => {
  let server: Server;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    port = await freePort();
    // Something that is not PostgreSQL: it hangs up at once.
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'qlvbdh-pg-taken-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('says which port is taken and what to set, when something else listens on it', async () => {
    const env = loadEnvironment({ EMBEDDED_PG_PORT: String(port), EMBEDDED_PG_DIR: dir });
    const attempt = connectDatabase(env, () => undefined);
    await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
    await expect(attempt).rejects.toThrow(new RegExp(`port ${port} of 127\\.0\\.0\\.1 is already in use.*EMBEDDED_PG_PORT.*DATABASE_URL`));
  });
});
