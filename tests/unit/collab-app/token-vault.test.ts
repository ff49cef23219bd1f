import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryOnlyVault, safeStorageVault, tokenFilePath, type SafeStoragePort } from '../../../electron/main/collab/token-vault'
import { nodeDurableFs } from '../../../electron/main/store'

/** A keychain stand-in that really transforms the bytes (each byte xor 0x5a), as Electron's safeStorage encrypts. */
const keychain = (available = true): SafeStoragePort => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Uint8Array.from(new TextEncoder().encode(plain), (b) => b ^ 0x5a),
  decryptString: (bytes) => new TextDecoder().decode(Uint8Array.from(bytes, (b) => b ^ 0x5a)),
})

describe('token vault', () => {
  const dirs: string[] = []
  afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))))
  const dir = async () => {
    const d = await mkdtemp(join(tmpdir(), 'vault-'))
    dirs.push(d)
    return d
  }

  it('keeps the token only as the keychain encrypted it, reads it back, and removes it', async () => {
    const data = await dir()
    const vault = safeStorageVault(nodeDurableFs, data, keychain())
    await vault.save('deal-1', 'secret-team-token-123')
    const onDisk = await readFile(tokenFilePath(data, 'deal-1'))
    expect(onDisk.toString('latin1')).not.toContain('secret-team-token-123')
    expect(await vault.read('deal-1')).toBe('secret-team-token-123')
    await vault.remove('deal-1')
    expect(await vault.read('deal-1')).toBeNull()
    await vault.remove('deal-1') // removing twice is fine
  })

  it('refuses to keep a token where the OS offers no keychain, rather than write it in plain text', async () => {
    const data = await dir()
    const vault = safeStorageVault(nodeDurableFs, data, keychain(false))
    await expect(vault.save('deal-1', 'secret-team-token-123')).rejects.toMatchObject({ appError: { reason: 'no-keychain' } })
    await expect(readFile(tokenFilePath(data, 'deal-1'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('a token the keychain cannot decrypt (another user, another machine) reads as none: the user types it again', async () => {
    const data = await dir()
    await safeStorageVault(nodeDurableFs, data, keychain()).save('deal-1', 'secret')
    const other: SafeStoragePort = { ...keychain(), decryptString: () => { throw new Error('Error while decrypting the ciphertext') } }
    expect(await safeStorageVault(nodeDurableFs, data, other).read('deal-1')).toBeNull()
  })

  it('the harness stand-in keeps tokens in memory only', async () => {
    const vault = memoryOnlyVault()
    expect(vault.survivesRestart).toBe(false)
    await vault.save('d', 't')
    expect(await vault.read('d')).toBe('t')
    await vault.remove('d')
    expect(await vault.read('d')).toBeNull()
  })
})
