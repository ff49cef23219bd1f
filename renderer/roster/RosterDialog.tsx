import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { messageOf } from '../api'
import { Modal } from '../ui/Modal'
import { openSellerProfile } from '../growth'
import { useWorkspaceStore } from '../state/workspace-store'
import { useRosterStore } from './roster-store'
import { blankDraft, draftOf, newSellerId } from './seller-form'
import { SellerForm } from './SellerForm'
import { SellerProfile } from './SellerProfile'
import './roster.css'

/** The workspace's sellers: a list on the left, the chosen seller's form and profile on the right. */
export function RosterDialog() {
  const open = useRosterStore((s) => s.open)
  if (!open) return null
  return <RosterDialogBody />
}

function RosterDialogBody() {
  const { t } = useTranslation('team')
  const roster = useWorkspaceStore((s) => s.roster)
  const selectedId = useRosterStore((s) => s.selectedId)
  const [showArchived, setShowArchived] = useState(false)
  const [draftId, setDraftId] = useState<string | null>(null)
  const [error, setError] = useState<string>()
  const close = () => useRosterStore.getState().close()
  const select = (id: string | null) => {
    setDraftId(null)
    setError(undefined)
    useRosterStore.getState().select(id)
  }
  const listed = roster.filter((s) => showArchived || !s.archived || s.id === selectedId)
  const selected = roster.find((s) => s.id === selectedId)

  const toggleArchive = async (id: string, archived: boolean) => {
    setError(undefined)
    try {
      await useWorkspaceStore.getState().archiveSeller(id, archived)
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <Modal label={t('roster.title')} onClose={close} className="roster-dialog" testId="roster-dialog">
      <header className="roster-header">
        <div>
          <h2>{t('roster.title')}</h2>
          <p className="roster-intro">{t('roster.intro')}</p>
        </div>
        <button type="button" className="ghost" data-testid="roster-close" onClick={close}>{t('common:close')}</button>
      </header>
      <div className="roster-body">
        <nav className="roster-list-pane">
          <button type="button" className="primary" data-testid="roster-new" onClick={() => { useRosterStore.getState().select(null); setDraftId(newSellerId()) }}>
            ＋ {t('roster.new')}
          </button>
          <label className="check roster-show-archived">
            <input type="checkbox" data-testid="roster-show-archived" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            {t('roster.showArchived')}
          </label>
          {listed.length === 0 ? (
            <p className="roster-empty">{t('roster.empty')}</p>
          ) : (
            <ul className="roster-list" data-testid="roster-list">
              {listed.map((s) => (
                <li key={s.id}>
                  <button type="button" className={`roster-item${s.id === selectedId ? ' selected' : ''}${s.archived ? ' archived' : ''}`}
                    data-testid="roster-item" data-seller-id={s.id} aria-current={s.id === selectedId} onClick={() => select(s.id)}>
                    <span className="roster-item-name">{s.name}</span>
                    <span className="roster-item-facts">
                      {t(`level.${s.level}`)} · {s.kinds.map((k) => t(`kindShort.${k}`)).join(' / ')}
                      {s.archived ? ` · ${t('roster.archived')}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="roster-detail">
          {error && <p className="notice notice-error" role="alert">{error}</p>}
          {draftId ? (
            <SellerForm key={draftId} initial={blankDraft(draftId)} isNew onSaved={(s) => select(s.id)} />
          ) : selected ? (
            <>
              <SellerForm key={selected.id} initial={draftOf(selected)} isNew={false} onSaved={() => undefined} />
              <div className="roster-archive">
                <button type="button" data-testid="seller-archive" onClick={() => void toggleArchive(selected.id, !selected.archived)}>
                  {selected.archived ? t('roster.unarchive') : t('roster.archive')}
                </button>
                <span className="field-help">{t('roster.archiveHelp')}</span>
                <button type="button" className="primary roster-growth" data-testid="seller-growth-open" title={t('growth:openTitle', { name: selected.name })}
                  onClick={() => openSellerProfile(selected.id)}>
                  {t('growth:open')}
                </button>
              </div>
              <SellerProfile seller={selected} />
            </>
          ) : (
            <p className="roster-select-hint">{t('roster.select')}</p>
          )}
        </div>
      </div>
    </Modal>
  )
}
