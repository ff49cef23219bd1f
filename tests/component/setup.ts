import { afterEach } from 'vitest'
import { cleanup, configure } from '@testing-library/react'
import { z } from 'zod'
import { initI18n } from '../../renderer/i18n'

/**
 * React Flow in jsdom needs a few browser pieces jsdom lacks (see TOOLCHAIN.md):
 * a ResizeObserver that calls back asynchronously, DOMMatrixReadOnly, non-zero element
 * sizes, and SVGElement.getBBox.
 */
z.config({ jitless: true })

// findBy* and waitFor poll for the state a user would see; on a loaded 2-core CI machine a
// 3,000-row plan or a real deck build can take longer than the library's 1 s default. A
// longer deadline still fails a test whose state never comes; it only stops a slow machine
// from failing one whose state comes late.
configure({ asyncUtilTimeout: 10_000 })

class ResizeObserverShim {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    setTimeout(() => this.callback([{ target, contentRect: target.getBoundingClientRect() } as ResizeObserverEntry], this as unknown as ResizeObserver), 0)
  }
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver = ResizeObserverShim as unknown as typeof ResizeObserver

class DOMMatrixReadOnlyShim {
  m22: number
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1]
    this.m22 = scale !== undefined ? Number(scale) : 1
  }
}
;(globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly ??= DOMMatrixReadOnlyShim

// An inline size in px is the element's size; anything else (React Flow's own `100%`
// wrapper, no size at all) stands for a 1200×800 window, not 100 px.
const inlinePx = (value: string, fallback: number) => (value.endsWith('px') ? Number.parseFloat(value) || fallback : fallback)
Object.defineProperties(globalThis.HTMLElement.prototype, {
  offsetHeight: { get() { return inlinePx((this as HTMLElement).style.height, 800) }, configurable: true },
  offsetWidth: { get() { return inlinePx((this as HTMLElement).style.width, 1200) }, configurable: true },
})
;(globalThis.SVGElement.prototype as unknown as { getBBox(): DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect

if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) { this.open = true }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) { this.open = false }
}

// jsdom has no 2D canvas and logs "not implemented" on every call; the minimap draws
// nothing without one (it checks for a null context), which is all these tests need.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext

initI18n('en')

afterEach(() => cleanup())
