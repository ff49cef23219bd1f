import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs hook for electron-builder, without type declarations
import { FUSES, electronBinaryPath } from '../../../electron/build/after-pack.mjs'

describe('packaged app hardening', () => {
  it('flips the Electron fuses that close Node-runtime and code-loading back doors', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true)
  })

  it('finds the binary on each platform, and electron-builder runs the hook', async () => {
    const packager = { appInfo: { productFilename: 'Deal War Room' }, executableName: 'deal-war-room' }
    expect(electronBinaryPath({ electronPlatformName: 'darwin', appOutDir: '/o', packager })).toBe(join('/o', 'Deal War Room.app'))
    expect(electronBinaryPath({ electronPlatformName: 'win32', appOutDir: '/o', packager })).toBe(join('/o', 'Deal War Room.exe'))
    expect(electronBinaryPath({ electronPlatformName: 'linux', appOutDir: '/o', packager })).toBe(join('/o', 'deal-war-room'))
    const config = await readFile(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8')
    expect(config).toMatch(/^afterPack: electron\/build\/after-pack\.mjs$/m)
    expect(config).toMatch(/target: \[AppImage, deb\]/)
  })
})
