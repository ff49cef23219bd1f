import { useTranslation } from 'react-i18next'
import { useUiStore } from '../state/ui-store'
import { panels } from './panels'

/** The right-hand panel: one tab per registered panel. */
export function SidePanel() {
  const { t } = useTranslation()
  const panelId = useUiStore((s) => s.panelId)
  const active = panels.find((p) => p.id === panelId) ?? panels[0]
  const Active = active.component
  return (
    <aside className="side-panel" aria-label={t('common:sidePanel')}>
      <div className="tabs" role="tablist">
        {panels.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            data-testid={`tab-${p.id}`}
            aria-selected={p.id === active.id}
            aria-controls={`panel-${p.id}`}
            className="tab"
            onClick={() => useUiStore.getState().setPanel(p.id)}
          >
            {t(p.titleKey)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
        <Active />
      </div>
    </aside>
  )
}
