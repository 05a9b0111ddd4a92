import { join, resolve } from 'node:path';
import type { Environment } from '@app/config';

/** The generated development signing secret lives beside the embedded database's data folder. */
export function localSecretFile(env: Environment): string {
  return join(resolve(env.EMBEDDED_PG_DIR), '..', 'jwt-secret');
}
