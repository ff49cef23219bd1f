import { join } from 'node:path'
import { fileStemOfId } from '@shared/file-names'
import { AppFailure } from '../errors'
import { errnoCode, type DurableFs } from '../store/durable-fs'
import { withWriteSlot, writeSerialized } from '../store/serial-writer'

/**
 * Where a shared deal's token is kept. The token is a secret (docs/collaboration-app.md,
 * "Tokens"): it is never written in plain text, never logged, never sent back to the page.
 */
export interface TokenVault {
  save(dealId: string, token: string): Promise<void>
  /** The token, or null when none is kept (never shared here, left, or unreadable). */
  read(dealId: string): Promise<string | null>
  remove(dealId: string): Promise<void>
  /** Whether a kept token survives a restart (false for the in-memory stand-in). */
  readonly survivesRestart: boolean
}

/** The slice of Electron's `safeStorage` the vault needs (the OS keychain encrypts). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Uint8Array
  decryptString(encrypted: Uint8Array): string
}

/** `deals/<stem>.token.bin`: the token encrypted by the OS keychain, written by the durable writer. */
export const tokenFilePath = (dataDir: string, dealId: string): string => join(dataDir, 'deals', `${fileStemOfId(dealId)}.token.bin`)

/**
 * The app's vault: Electron `safeStorage` encrypts, the store's durable writer writes. Where
 * the OS offers no encryption (Linux without a keyring), sharing is refused rather than the
 * token kept in plain text.
 */
export function safeStorageVault(fs: DurableFs, dataDir: string, safe: SafeStoragePort): TokenVault {
  return {
    survivesRestart: true,
    async save(dealId, token) {
      if (!safe.isEncryptionAvailable()) {
        throw new AppFailure('io', 'This computer offers no keychain to keep the team token encrypted, so the deal was not shared.', undefined, 'no-keychain')
      }
      await fs.mkdir(join(dataDir, 'deals'), { recursive: true })
      await writeSerialized(fs, tokenFilePath(dataDir, dealId), new Uint8Array(safe.encryptString(token)))
    },
    async read(dealId) {
      let bytes: Uint8Array
      try {
        bytes = await fs.readFile(tokenFilePath(dataDir, dealId))
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return null
        throw error
      }
      if (!safe.isEncryptionAvailable()) return null
      try {
        return safe.decryptString(bytes)
      } catch {
        return null // another user's or another machine's keychain: ask for the token again
      }
    },
    async remove(dealId) {
      await withWriteSlot(fs, tokenFilePath(dataDir, dealId), (slot) => slot.remove())
    },
  }
}

/**
 * The stand-in where no OS keychain exists (the Chromium test harness): it refuses to write
 * the token anywhere and keeps it in this process's memory only, so a restart asks again.
 */
export function memoryOnlyVault(): TokenVault {
  const tokens = new Map<string, string>()
  return {
    survivesRestart: false,
    save: async (dealId, token) => void tokens.set(dealId, token),
    read: async (dealId) => tokens.get(dealId) ?? null,
    remove: async (dealId) => void tokens.delete(dealId),
  }
}
