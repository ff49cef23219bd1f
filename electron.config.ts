import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const root = import.meta.dirname
const alias = { '@shared': resolve(root, 'shared') }

/**
 * The page's entry (renderer/main.tsx) is tiny and loads the app's chunk itself, so main can be
 * asked for the workspace before that chunk is parsed. These links fetch the chunk and its CSS
 * with the entry, not after it ran (docs/performance.md, "Open, part 3").
 */
function fetchAppChunkWithEntry(): Plugin {
  return {
    name: 'fetch-app-chunk-with-entry',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/renderer/app-entry.tsx'))
        if (!chunk || chunk.type !== 'chunk') return []
        const css = [...(chunk.viteMetadata?.importedCss ?? [])]
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' },
          ...css.map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ]
      },
    },
  }
}

// Our layout is not electron-vite's default src/{main,preload,renderer}: every entry is explicit.
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    resolve: { alias },
    plugins: [react(), fetchAppChunkWithEntry()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the first chunk the page must
      // parse before it draws anything is ~60% smaller (docs/performance.md, "Open").
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
