// electron-builder afterPack hook: flip Electron's fuses on the packed binary, so the
// shipped app cannot be turned into a generic Node runtime or load code from outside its asar.
import { join } from 'node:path'
import { flipFuses, FuseVersion, FuseV1Options } from '@electron/fuses'

/** The fuse settings, exported so a unit test can check them without packaging. */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
}

export function electronBinaryPath(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName)
  }
}

export default async function afterPack(context) {
  // arm64 and universal macOS binaries must be re-signed ad hoc after their bytes change.
  await flipFuses(electronBinaryPath(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && (context.arch === 3 || context.arch === 4) })
}
