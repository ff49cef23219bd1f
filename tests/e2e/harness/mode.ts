export type E2eMode = 'chromium' | 'electron'

/**
 * The mode chosen by tests/e2e/run.mjs (which probes for a runnable Electron binary and a
 * display). Run directly through vitest, the specs default to Chromium mode.
 */
export function currentMode(): E2eMode {
  return process.env.E2E_MODE === 'electron' ? 'electron' : 'chromium'
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium'
}

/** The viewport every spec runs at (and the README screenshot's size). */
export const VIEWPORT = { width: 1440, height: 900 }
