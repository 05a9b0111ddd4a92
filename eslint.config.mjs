// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'bench-results/**', 'eslint.config.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // The domain is pure: no framework, database or event-store code (architecture.md §3).
    files: ['libs/domain/**/*.ts', 'libs/working-time/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', '@eventstore/*', '@app/event-store', '@app/event-store/*', '@app/database', '@app/config', '@app/auth', '@app/projections', '@app/projections/*'], message: 'libs/domain stays free of framework, database and event-store code.' },
          ],
        },
      ],
    },
  },
);
