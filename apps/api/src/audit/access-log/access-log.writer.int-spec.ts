import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-database';
import { migrateAccessLog } from './access-log.schema';
import { AccessLogRecord, AccessLogWriter, BATCH_SIZE } from './access-log.writer';

const record = (documentId: string, i: number): AccessLogRecord => ({
  at: new Date(),
  username: `user-${i}`,
  fullName: 'Vũ Văn Kiểm',
  roles: ['AUDITOR'],
  agencyCode: '000.00.00.H41',
  documentId,
  what: 'HISTORY',
  fields: ['data', 'summary'],
  ip: '127.0.0.1',
  userAgent: 'jest',
});

describe('AccessLogWriter', () => {
  let db: TestDatabase;
  let pool: Pool;
  const stored = async (documentId: string) =>
    (await pool.query<{ username: string }>('SELECT username FROM audit.access_log WHERE document_id = $1 ORDER BY id', [documentId])).rows.map((r) => r.username);

  beforeAll(async () => {
    db = await createTestDatabase('access_log');
    pool = new Pool({ connectionString: db.url, max: 4 });
    // Concurrent starts of several api processes must not race on the DDL.
    await Promise.all([migrateAccessLog(pool), migrateAccessLog(pool)]);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await pool.end();
    await db.drop();
  });

  it('writes full batches with one multi-row INSERT each, in the order of the reads', async () => {
    const query = jest.spyOn(pool, 'query');
    const writer = new AccessLogWriter(pool);
    for (let i = 0; i < 2 * BATCH_SIZE + 200; i++) writer.append(record('batches', i));
    await writer.flush();
    const statements = query.mock.calls.map(([statement]) => statement as unknown as { text?: string; values?: unknown[] });
    query.mockRestore();
    const inserts = statements.filter((statement) => statement.text?.startsWith('INSERT'));
    expect(inserts.map((statement) => (statement.values?.length ?? 0) / 10)).toEqual([BATCH_SIZE, BATCH_SIZE, 200]);
    expect(await stored('batches')).toEqual(Array.from({ length: 2 * BATCH_SIZE + 200 }, (_, i) => `user-${i}`));
    await writer.onApplicationShutdown();
  });

  it('writes a lone entry shortly after, without anyone asking', async () => {
    const writer = new AccessLogWriter(pool);
    writer.append(record('lone', 1));
    for (let waited = 0; (await stored('lone')).length === 0 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(await stored('lone')).toEqual(['user-1']);
    await writer.onApplicationShutdown();
  });

  it('writes everything still queued on shutdown', async () => {
    const writer = new AccessLogWriter(pool);
    for (let i = 0; i < 10; i++) writer.append(record('shutdown', i));
    await writer.onModuleDestroy();
    writer.append(record('shutdown', 10));
    await writer.onApplicationShutdown();
    expect(await stored('shutdown')).toHaveLength(11);
  });

  it('keeps the entries of a failed write for the next attempt', async () => {
    const failing = jest.spyOn(pool, 'query').mockImplementationOnce(() => Promise.reject(new Error('connection lost')));
    const writer = new AccessLogWriter(pool);
    writer.append(record('retried', 1));
    writer.append(record('retried', 2));
    await writer.flush();
    failing.mockRestore();
    expect(await stored('retried')).toEqual([]);
    await writer.flush();
    expect(await stored('retried')).toEqual(['user-1', 'user-2']);
    await writer.onApplicationShutdown();
  });

  it('refuses to change or remove an entry', async () => {
    const writer = new AccessLogWriter(pool);
    writer.append(record('kept', 1));
    await writer.onApplicationShutdown();
    await expect(pool.query(`UPDATE audit.access_log SET username = 'someone else'`)).rejects.toThrow('append-only: UPDATE refused');
    await expect(pool.query('DELETE FROM audit.access_log')).rejects.toThrow('append-only: DELETE refused');
    await expect(pool.query('TRUNCATE audit.access_log')).rejects.toThrow('append-only: TRUNCATE refused');
    expect(await stored('kept')).toEqual(['user-1']);
  });
});
