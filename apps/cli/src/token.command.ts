import { Client } from 'pg';
import { LocalTokenService, loadOrCreateLocalSecret } from '@app/auth';
import type { Environment } from '@app/config';
import { connectDatabase, localSecretFile } from '@app/platform';

/** Mints a development token for an existing, unlocked staff account. */
export async function mintToken(env: Environment, args: string[]): Promise<string> {
  const [username, ttl] = args;
  if (!username) throw new UsageError('usage: npm run token -- <username> [ttl-hours]');
  if (env.OIDC_ISSUER) throw new UsageError('OIDC_ISSUER is set: tokens come from the identity provider, not from this command');
  const database = await connectDatabase(env, (line) => process.stderr.write(`${line}\n`));
  const client = new Client({ connectionString: database.url });
  try {
    await client.connect();
    const { rows } = await client
      .query<{ locked: boolean }>('SELECT locked FROM rm_directory.staff WHERE username = $1', [username])
      .catch(() => ({ rows: [] as { locked: boolean }[] }));
    if (rows.length === 0) throw new UsageError(`No staff account ${username} (start the api once to seed the demo province)`);
    if (rows[0].locked) throw new UsageError(`The account ${username} is locked`);
  } finally {
    await client.end();
    await database.close();
  }
  const service = new LocalTokenService(loadOrCreateLocalSecret(env.JWT_SECRET, localSecretFile(env)));
  return service.mint(username, Math.round(Number(ttl ?? 12) * 3600));
}

export class UsageError extends Error {}
