import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useUiStore } from '../state/ui-store'
import { actions } from './actions'
import { describeShortcut } from './shortcut-keys'

/** Keys that are not actions but belong on the sheet (map navigation). */
const EXTRA_KEYS: Array<{ keys: string[]; titleKey: string }> = [
  { keys: ['tab', 'shift+tab'], titleKey: 'map:keys.tab' },
  { keys: ['enter'], titleKey: 'map:keys.enter' },
  { keys: ['arrowup', 'arrowdown', 'arrowleft', 'arrowright'], titleKey: 'map:keys.arrows' },
  { keys: ['shift+arrowup'], titleKey: 'map:keys.shiftArrows' },
  { keys: ['shift'], titleKey: 'map:keys.boxSelect' },
]

/** The `?` sheet listing every shortcut. */
export function ShortcutsSheet() {
  const { t } = useTranslation()
  const open = useUiStore((s) => s.shortcutsOpen)
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal?.()
    if (!open && dialog.open) dialog.close?.()
  }, [open])
  const rows = [
    ...actions.filter((a) => a.shortcut).map((a) => ({ keys: a.shortcut!, titleKey: a.titleKey })),
    ...EXTRA_KEYS,
  ]
  return (
    <dialog ref={ref} className="shortcuts-sheet" data-testid="shortcuts-sheet" aria-label={t('common:shortcuts.title')} onClose={() => useUiStore.getState().setShortcutsOpen(false)}>
      {open && (
        <>
          <h2>{t('common:shortcuts.title')}</h2>
          <table>
            <tbody>
              {rows.map((r) => (
                <tr key={r.titleKey}>
                  <td>{t(r.titleKey)}</td>
                  <td>
                    {r.keys.map((k) => (
                      <kbd key={k}>{describeShortcut(k)}</kbd>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => useUiStore.getState().setShortcutsOpen(false)} autoFocus>
            {t('common:close')}
          </button>
        </>
      )}
    </dialog>
  )
}
