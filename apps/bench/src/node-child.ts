import { join } from 'node:path';

/** This program runs compiled (dist/, as `npm run bench` does) or as TypeScript; the processes it starts run the same way. */
const COMPILED = __filename.endsWith('.js');
const APPS = join(__dirname, '..', '..');

/** The checkout's root: the working directory of every process the benchmark starts. */
export const ROOT = COMPILED ? join(APPS, '..', '..') : join(APPS, '..');

/** The entry point `src/<path>` of one of the checkout's apps, compiled or not as this program is. */
export const appEntry = (app: string, path: string): string => join(APPS, app, 'src', COMPILED ? `${path}.js` : `${path}.ts`);

/** Node's `-r` options that let such an entry point load (path aliases; TypeScript when not compiled). */
export const LOADERS = [...(COMPILED ? [] : ['ts-node/register/transpile-only']), 'tsconfig-paths/register'].flatMap((loader) => [
  '-r',
  require.resolve(loader),
]);
