import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import path from 'node:path'

/**
 * A renderer feature (renderer/<feature>/) reaches another only through that feature's
 * index.ts, as VS Code's layering rules keep its layers apart: a feature's files can change
 * freely as long as its public face does not. renderer/ui, renderer/state and renderer/i18n
 * are shared by all features and open to every one of them.
 */
const OPEN_RENDERER_FOLDERS = new Set(['ui', 'state', 'i18n'])
const featureBoundaries = {
  meta: { type: 'problem', messages: { deep: "Import '{{feature}}' through its index.ts ('{{suggestion}}'), not its internals." } },
  create(context) {
    const file = context.filename.replaceAll('\\', '/')
    const at = file.lastIndexOf('/renderer/')
    if (at < 0) return {}
    const rendererDir = file.slice(0, at + '/renderer'.length)
    const own = file.slice(rendererDir.length + 1).split('/')
    if (own.length < 2) return {}
    const check = (node) => {
      const spec = node.source?.value
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const target = path.posix.join(path.posix.dirname(file), spec)
      if (!target.startsWith(rendererDir + '/')) return
      const parts = target.slice(rendererDir.length + 1).split('/')
      const feature = parts[0]
      if (parts.length < 2 || feature === own[0] || OPEN_RENDERER_FOLDERS.has(feature)) return
      if (parts.length === 2 && parts[1] === 'index') return
      const suggestion = path.posix.relative(path.posix.dirname(file), rendererDir + '/' + feature)
      context.report({ node: node.source, messageId: 'deep', data: { feature, suggestion } })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  },
}


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
    // Layering: the page never reaches into main or the preload, main never into the page,
    // and features meet only at their index.ts.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { layering: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      'layering/feature-boundaries': 'error',
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)electron(/|$)', message: 'The renderer talks to main only through window.api (shared/ipc.ts).' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)renderer(/|$)', message: 'Main and the CLI never import the page; share code through shared/.' }] }],
    },
  },
  {
    // CLIs, tests, benchmarks and scripts print to the console by design.
    files: ['electron/cli/**', 'tests/**', 'bench/**', 'scripts/**', '**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
)
