import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'data',
      'server/core/db/migrations',
      'test-results',
      'playwright-report',
      '*.config.*',
      'eslint.config.js',
      'scripts',
      'bin',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.js', '.ts', '.tsx'] } },
      'boundaries/include': ['server/**/*', 'web/src/**/*', 'contracts/**/*'],
      'boundaries/elements': [
        { type: 'contracts', pattern: 'contracts/**' },
        { type: 'core', pattern: 'server/core/**' },
        { type: 'module', pattern: 'server/modules/*', capture: ['module'] },
        { type: 'http', pattern: 'server/http/**' },
        { type: 'cli', pattern: 'server/cli/**' },
        { type: 'test', pattern: 'server/test/**' },
        { type: 'web-app', pattern: 'web/src/app/**' },
        { type: 'web-feature', pattern: 'web/src/features/*', capture: ['feature'] },
        { type: 'web-shared', pattern: 'web/src/(components|lib|config)/**' },
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            {
              from: { element: { type: 'contracts' } },
              allow: { to: { element: { types: { anyOf: ['contracts'] } } } },
            },
            {
              from: { element: { type: 'core' } },
              allow: { to: { element: { types: { anyOf: ['contracts', 'core', 'module'] } } } },
            },
            {
              from: { element: { type: 'module' } },
              allow: { to: { element: { types: { anyOf: ['contracts', 'core', 'module'] } } } },
            },
            {
              from: { element: { type: 'http' } },
              allow: { to: { element: { types: { anyOf: ['contracts', 'core', 'module', 'http'] } } } },
            },
            {
              from: { element: { type: 'cli' } },
              allow: {
                to: { element: { types: { anyOf: ['contracts', 'core', 'module', 'http', 'cli'] } } },
              },
            },
            {
              from: { element: { type: 'test' } },
              allow: {
                to: { element: { types: { anyOf: ['contracts', 'core', 'module', 'http', 'test'] } } },
              },
            },
            {
              from: { element: { type: 'web-shared' } },
              allow: { to: { element: { types: { anyOf: ['contracts', 'web-shared'] } } } },
            },
            {
              from: { element: { type: 'web-feature' } },
              allow: { to: { element: { types: { anyOf: ['contracts', 'web-shared', 'web-feature'] } } } },
            },
            {
              from: { element: { type: 'web-app' } },
              allow: {
                to: { element: { types: { anyOf: ['contracts', 'web-shared', 'web-feature', 'web-app'] } } },
              },
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*-test-fixture.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'server/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'boundaries/dependencies': 'off',
    },
  },
);
