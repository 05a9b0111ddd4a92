import { join } from 'node:path';

/** Whether this code runs compiled (dist/, as `npm run bench` and the Dockerfile run it) or as TypeScript (ts-node). */
const COMPILED = __filename.endsWith('.js');
/** `apps/`, compiled or not: this file is libs/platform/src/app-entry. */
const APPS = join(__dirname, '..', '..', '..', 'apps');

/** The checkout's root: the working directory of every process started from it. */
export const ROOT = COMPILED ? join(APPS, '..', '..') : join(APPS, '..');

/** The entry point `src/<path>` of one of the checkout's apps, compiled or not as this code is. */
export const appEntry = (app: string, path: string): string => join(APPS, app, 'src', COMPILED ? `${path}.js` : `${path}.ts`);

/** Node's `-r` options that let such an entry point load in a new process or thread (path aliases; TypeScript when not compiled). */
export const LOADERS = [...(COMPILED ? [] : ['ts-node/register/transpile-only']), 'tsconfig-paths/register'].flatMap((loader) => [
  '-r',
  require.resolve(loader),
]);
