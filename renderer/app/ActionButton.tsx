import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'
import { useUiStore } from '../state/ui-store'
import { actionContext, findAction, isActionEnabled, runAction } from './actions'
import { describeShortcut } from './shortcut-keys'
import { ToolbarIcon } from './toolbar-icons'

/** A toolbar button for a registered action (title, shortcut hint, enabled state). */
export function ActionButton({ id, icon, label = false }: { id: string; icon?: string; label?: boolean }) {
  const { t } = useTranslation()
  // Re-render when what decides "enabled" changes.
  useDealStore((s) => `${s.canUndo}${s.canRedo}${s.selection.length > 0}${s.linkSelection.length > 0}${!!s.deal}`)
  useUiStore((s) => s.showDepartments)
  const action = findAction(id)
  if (!action) return null
  const title = t(action.titleKey)
  const shortcut = action.shortcut?.[0]
  const pressed = id === 'toggle-departments' ? useUiStore.getState().showDepartments : undefined
  return (
    <button
      type="button"
      className="toolbar-button"
      data-testid={`action-${id}`}
      aria-label={title}
      aria-pressed={pressed}
      title={shortcut ? `${title} (${describeShortcut(shortcut)})` : title}
      disabled={!isActionEnabled(action, actionContext())}
      onClick={() => runAction(id)}
    >
      {icon && <ToolbarIcon name={icon} />}
      {label && <span className="toolbar-label">{title}</span>}
    </button>
  )
}
