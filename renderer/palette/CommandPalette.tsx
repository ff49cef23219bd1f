import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { actions, isActionEnabled, runAction } from '../app'
import { describeShortcut } from '../app'
import { Modal } from '../ui/Modal'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { actionItems, dealItems, matchItems } from './palette-items'
import { usePaletteStore } from './palette-store'

/** Ctrl/Cmd+K: every action that applies now, and every deal, by typing part of its name. */
export function CommandPalette() {
  const open = usePaletteStore((s) => s.open)
  if (!open) return null
  return <PaletteDialog />
}

function PaletteDialog() {
  const { t } = useTranslation('palette')
  const deals = useWorkspaceStore((s) => s.deals)
  const recent = useWorkspaceStore((s) => s.recentDealIds)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const close = () => usePaletteStore.getState().setOpen(false)
  const items = useMemo(() => {
    const all = [
      ...actionItems(actions, (k) => t(k), describeShortcut, (a) => isActionEnabled(a), (id) => runAction(id)),
      ...dealItems(deals, recent, (name) => t('openDeal', { name }), (id) => void useDealStore.getState().open(id)),
    ]
    return matchItems(all, query).slice(0, 30)
  }, [t, deals, recent, query])
  const choose = (index: number) => {
    const item = items[index]
    if (!item) return
    close()
    // After the palette closes, so focus and full screen requests work.
    setTimeout(() => item.run(), 0)
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(items.length - 1, a + 1)) }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)) }
    else if (e.key === 'Enter') { e.preventDefault(); choose(active) }
  }
  return (
    <Modal label={t('title')} onClose={close} className="command-palette" testId="command-palette">
      <input
        autoFocus
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[active] ? `palette-item-${active}` : undefined}
        placeholder={t('placeholder')}
        aria-label={t('title')}
        value={query}
        onChange={(e) => { setQuery(e.target.value); setActive(0) }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" role="listbox" className="palette-list">
        {items.map((item, i) => (
          <li
            key={item.id}
            id={`palette-item-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(i)}
          >
            <span>{item.title}</span>
            {item.hint && <kbd>{item.hint}</kbd>}
          </li>
        ))}
        {items.length === 0 && <li className="muted">{t('nothing')}</li>}
      </ul>
    </Modal>
  )
}
