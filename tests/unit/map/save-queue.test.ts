import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SaveQueue, type SaveStatus } from '../../../renderer/state/save-queue'

/** A disk whose saves finish when the test says so. */
function fakeDisk() {
  const saved: number[] = []
  const pending: Array<{ doc: number; resolve(): void; reject(e: Error): void }> = []
  let failNext = 0
  return {
    saved,
    pending,
    failNext(n: number) { failNext = n },
    save: (doc: number) =>
      new Promise<void>((resolve, reject) => {
        if (failNext > 0) {
          failNext--
          reject(new Error('disk full'))
          return
        }
        pending.push({ doc, resolve: () => { saved.push(doc); resolve() }, reject })
      }),
  }
}

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('debounces a burst of edits into one save of the newest version', async () => {
    const disk = fakeDisk()
    const q = new SaveQueue<number>({ save: disk.save, onStatus: () => undefined, debounceMs: 300 })
    for (let v = 1; v <= 20; v++) q.schedule(v)
    await vi.advanceTimersByTimeAsync(299)
    expect(disk.pending).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(disk.pending.map((p) => p.doc)).toEqual([20])
    disk.pending[0].resolve()
    await vi.runAllTimersAsync()
    expect(disk.saved).toEqual([20])
  })

  it('continuous typing (an edit every 100 ms) is still handed to save within a second', async () => {
    const disk = fakeDisk()
    const q = new SaveQueue<number>({ save: disk.save, onStatus: () => undefined, debounceMs: 350, maxWaitMs: 1000 })
    q.schedule(1)
    for (let v = 2; v <= 9; v++) {
      await vi.advanceTimersByTimeAsync(100)
      q.schedule(v)
    }
    expect(disk.pending).toHaveLength(0) // 800 ms of typing: the debounce alone would wait on
    await vi.advanceTimersByTimeAsync(100)
    q.schedule(10)
    await vi.advanceTimersByTimeAsync(100) // 1,000 ms after the first edit
    expect(disk.pending.map((p) => p.doc)).toEqual([10])
  })

  it('never has two saves in flight, and saves the newer version after the older one', async () => {
    const disk = fakeDisk()
    const q = new SaveQueue<number>({ save: disk.save, onStatus: () => undefined, debounceMs: 10 })
    q.schedule(1)
    await vi.advanceTimersByTimeAsync(10)
    q.schedule(2)
    await vi.advanceTimersByTimeAsync(50)
    expect(disk.pending.map((p) => p.doc)).toEqual([1]) // 2 waits for 1
    disk.pending[0].resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(disk.pending.map((p) => p.doc)).toEqual([1, 2])
    disk.pending[1].resolve()
    await vi.runAllTimersAsync()
    expect(disk.saved).toEqual([1, 2])
    expect(q.dirty).toBe(false)
  })

  it('keeps a failed edit, reports the error, retries with backoff and then reports saved', async () => {
    const disk = fakeDisk()
    const statuses: SaveStatus[] = []
    const q = new SaveQueue<number>({ save: disk.save, onStatus: (s) => statuses.push(s), debounceMs: 10, retryBaseMs: 1000 })
    disk.failNext(2)
    q.schedule(7)
    await vi.advanceTimersByTimeAsync(10)
    expect(statuses.at(-1)).toBe('error')
    expect(q.dirty).toBe(true)
    await vi.advanceTimersByTimeAsync(1000) // first retry fails too
    expect(statuses.filter((s) => s === 'error')).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1999)
    expect(disk.pending).toHaveLength(0) // backoff doubled to 2 s
    await vi.advanceTimersByTimeAsync(1)
    disk.pending[0].resolve()
    await vi.runAllTimersAsync()
    expect(disk.saved).toEqual([7])
    expect(statuses.at(-1)).toBe('saved')
  })

  it('a permanent refusal (too large, changed outside) is not retried, not resent on flush, and the next edit is sent', async () => {
    const calls: number[] = []
    let refuse = true
    const q = new SaveQueue<number>({
      save: async (doc) => {
        calls.push(doc)
        if (refuse) throw new Error('too large')
      },
      onStatus: () => undefined,
      isPermanent: () => true,
      debounceMs: 10,
      retryBaseMs: 100,
    })
    q.schedule(1)
    await vi.advanceTimersByTimeAsync(10)
    await vi.advanceTimersByTimeAsync(60_000)
    await q.flush() // a window blur
    expect(calls).toEqual([1])
    expect(q.dirty).toBe(true) // the edit stays in memory
    refuse = false
    q.schedule(2)
    await vi.advanceTimersByTimeAsync(10)
    expect(calls).toEqual([1, 2])
    expect(q.dirty).toBe(false)
  })

  it('flush saves at once without waiting for the debounce', async () => {
    const disk = fakeDisk()
    const q = new SaveQueue<number>({ save: disk.save, onStatus: () => undefined, debounceMs: 10_000 })
    q.schedule(3)
    const flushed = q.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(disk.pending.map((p) => p.doc)).toEqual([3])
    disk.pending[0].resolve()
    await flushed
    expect(disk.saved).toEqual([3])
  })
})
