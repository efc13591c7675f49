import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/fixtures/generated/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // ./shared is the pure domain core: no DOM, no Node, no Electron, no Dexie, no React.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'fs',
            'path',
            'os',
            'crypto',
            'child_process',
            'electron',
            'dexie',
            'react',
            'react-dom',
          ].map((name) => ({
            name,
            message: 'shared/ is pure: no Node, Electron, Dexie or React.',
          })),
          patterns: [
            {
              group: ['node:*', 'react-dom/*', 'dexie/*'],
              message: 'shared/ is pure: no Node, Electron, Dexie or React.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**'],
              message: 'shared/ must not depend on the app layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'process',
        'require',
      ],
    },
  },
);
