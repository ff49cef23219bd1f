import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'
import { ActionButton } from './ActionButton'
import { SaveIndicator } from './SaveIndicator'
import { MapStatusBadge } from '../insights'
import { openDealDetails } from '../deal-details'
import { CollabBar } from '../collab'
import { useSqueezed } from './use-squeezed'

/** Deal name, save state and the edit toolbar. */
export function TopBar() {
  const { t } = useTranslation('common')
  // The name and customer only: the bar and its dozen buttons do not redraw for an edit of a person.
  const name = useDealStore((s) => s.deal?.name)
  const customer = useDealStore((s) => s.deal?.customer)
  // The customer's name gives way first, with its own ellipsis; a sliver of it is hidden.
  const customerRef = useSqueezed<HTMLSpanElement>(4, '.top-bar', [customer, name])
  if (name === undefined) return null
  return (
    <header className="top-bar">
      <button type="button" className="ghost back-button" data-testid="back-to-deals" onClick={() => void useDealStore.getState().close()}>
        ← <span className="back-label">{t('deals.title')}</span>
      </button>
      <h1 className="deal-title" data-testid="deal-title">
        {/* The tooltip names the deal in full: the name may end in an ellipsis when truly long. */}
        <button type="button" className="deal-title-button" title={`${name}${customer ? ` · ${customer}` : ''}\n${t('dealDetails:editTitle')}`} data-testid="open-deal-details" onClick={openDealDetails}>
          <span className="deal-name">{name}</span>
          {customer && <span className="deal-customer" ref={customerRef} data-testid="deal-customer">&nbsp;· {customer}</span>}
        </button>
      </h1>
      <MapStatusBadge />
      <SaveIndicator />
      <CollabBar />
      <div className="toolbar" role="toolbar" aria-label={t('toolbar')}>
        <ActionButton id="undo" icon="undo" />
        <ActionButton id="redo" icon="redo" />
        <span className="toolbar-sep" />
        <ActionButton id="add-stakeholder" icon="add" label />
        <ActionButton id="duplicate" icon="duplicate" />
        <ActionButton id="delete" icon="delete" />
        <span className="toolbar-sep" />
        <ActionButton id="tidy-layout" icon="tidy" />
        <ActionButton id="fit-view" icon="fit" />
        <ActionButton id="toggle-departments" icon="departments" />
        <span className="toolbar-sep" />
        <ActionButton id="roster.open" icon="roster" label />
        <ActionButton id="export.slides" icon="export" />
        <ActionButton id="shortcuts" icon="help" />
      </div>
    </header>
  )
}
