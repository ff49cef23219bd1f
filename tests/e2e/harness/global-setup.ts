import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { currentMode } from './mode'

const root = resolve(import.meta.dirname, '../../..')

/** Fail fast, with the fix, when the app has not been built. */
export default function setup(): void {
  const needed = [process.env.E2E_RENDERER_DIR ? `${process.env.E2E_RENDERER_DIR}/index.html` : 'out/renderer/index.html', ...(currentMode() === 'electron' ? ['out/main/index.js'] : [])]
  const missing = needed.filter((file) => !existsSync(resolve(root, file)))
  if (missing.length) throw new Error(`e2e needs the built app (${missing.join(', ')} missing): run \`npm run build\` first; \`npm test\` does.`)
}
