import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'

/**
 * The real file system, except that while a fault is set every write (open for writing,
 * write, rename, mkdir, unlink) fails with that errno — a full disk (ENOSPC), a read-only
 * volume (EROFS), a denied permission (EACCES). Reads keep working, as they do on a full
 * disk. Passed to `openApp({ fs })`, it sits under main's store in Chromium mode. Running
 * as root, a chmod'ed folder would not refuse anything, so faults are injected here instead.
 */
export function faultSwitch() {
  let fault: string | null = null
  /** Writes refused while the fault is on, to prove the fault was really hit. */
  let refused = 0
  const check = () => {
    if (!fault) return
    refused++
    throw Object.assign(new Error(`${fault}: injected by the test`), { code: fault })
  }
  const fs: DurableFs = {
    ...nodeDurableFs,
    async open(path, flags) {
      if (flags !== 'r') check()
      const handle = await nodeDurableFs.open(path, flags)
      return {
        async writeFile(data) {
          check()
          return handle.writeFile(data)
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      }
    },
    async rename(from, to) {
      check()
      return nodeDurableFs.rename(from, to)
    },
    async mkdir(path, options) {
      check()
      return nodeDurableFs.mkdir(path, options)
    },
    async unlink(path) {
      check()
      return nodeDurableFs.unlink(path)
    },
  }
  return {
    fs,
    set(code: 'ENOSPC' | 'EROFS' | 'EACCES' | 'EPERM') {
      fault = code
    },
    clear() {
      fault = null
    },
    get refused() {
      return refused
    },
  }
}
