import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['.scratch*/**', 'out/**', 'dist/**', 'node_modules/**', 'bench/results/**', 'bench/**/dist/**', 'bench/.partial/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The domain core runs in Node, the page and the CLI alike: no platform imports.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ is the pure domain: no Electron.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*'], message: 'shared/ is the pure domain: no React.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'shared/ is the pure domain: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    // CLIs, tests, benchmarks and scripts print to the console by design.
    files: ['electron/cli/**', 'tests/**', 'bench/**', 'scripts/**', '**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
)
