import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '../database-admin';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database for one test file, on the server the jest global setup chose. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const admin = process.env.TEST_ADMIN_DATABASE_URL;
  if (!admin) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest (npm test)');
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(admin, name);
  return { url: withDatabase(admin, name), name, drop: () => dropDatabase(admin, name) };
}
