import { useEffect, useRef, type ReactNode } from 'react'
import './modal.css'

/** A modal <dialog>: focus is trapped by the browser, Esc closes it. */
export function Modal({ label, onClose, children, className = '', testId }: { label: string; onClose(): void; children: ReactNode; className?: string; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
  }, [])
  return (
    <dialog ref={ref} className={`modal ${className}`} aria-label={label} data-testid={testId} onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose() }}>
      {children}
    </dialog>
  )
}
