import type { Config } from 'jest';
import { compilerOptions } from './tsconfig.base.json';

// Type checking is `npm run lint`'s job; tests are transpiled by SWC for speed.
const transform: Config['transform'] = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

// The path aliases of tsconfig.base.json, as jest module name patterns.
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/*', '/(.*)')}$`,
    `<rootDir>/${target.replace('/*', '/$1')}`,
  ]),
);

const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: aliases,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

const config: Config = {
  // Jest reads the timeout from the top level only; integration and e2e tests need real database time.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/libs/database/src/testing/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/database/src/testing/jest-global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
  ],
};

export default config;
