import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const root = import.meta.dirname

/**
 * The baseline pages, built with the same vite + React plugin as the renderer:
 * flow.html (bare React Flow, default nodes), blank.html (a blank React page) and
 * provider.html (a bare Yjs provider writing a value into the page).
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    rollupOptions: { input: { flow: resolve(root, 'flow.html'), blank: resolve(root, 'blank.html'), provider: resolve(root, 'provider.html') } },
  },
})
