// Lint for the bugs that bite services, and for the boundary that keeps domain code framework-free.
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

const frameworkImports = {
  patterns: [
    { group: ['@nestjs/*'], message: 'Domain and ingestion code stays framework-free; wire it in libs/server.' },
    { group: ['@hydro/server', '@hydro/server/*'], message: 'Libraries must not depend on the server shell.' },
  ],
};
const ioImports = {
  patterns: [
    ...frameworkImports.patterns,
    { group: ['mqtt', '@influxdata/*', 'node:fs', 'fs', 'node:http', 'http'], message: 'The domain does no I/O; put adapters in libs/ingestion.' },
    { group: ['@hydro/ingestion', '@hydro/ingestion/*'], message: 'The domain depends on nothing else of ours.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  { files: ['libs/domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', ioImports] } },
  // The simulation library is pure too: time and seed are inputs (its test fixtures may read files).
  { files: ['libs/simulation/**/*.ts'], ignores: ['**/__fixtures__/**', '**/*.spec.ts'], rules: { 'no-restricted-imports': ['error', ioImports] } },
  { files: ['libs/ingestion/**/*.ts'], rules: { 'no-restricted-imports': ['error', frameworkImports] } },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
