import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = resolve(import.meta.dirname, '..')
const alias = { '@shared': resolve(root, 'shared') }

// The benchmark suites, run by bench/run.mjs (`npm run bench`), never by `npm test`.
export default defineConfig({
  root,
  resolve: { alias },
  test: {
    name: 'bench',
    include: ['bench/suites/**/*.run.ts'],
    environment: 'node',
    fileParallelism: false, // one measurement at a time on a 2-core machine
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
})
