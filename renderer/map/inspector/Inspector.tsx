import { useTranslation } from 'react-i18next'
import { useDealStore } from '../../state/deal-store'
import { StakeholderEditor } from './StakeholderEditor'
import { LinkEditor } from './LinkEditor'
import { MultiSelection } from './MultiSelection'

/** The side panel that edits what is selected on the map. */
export function Inspector() {
  const { t } = useTranslation('map')
  const selection = useDealStore((s) => s.selection)
  const linkSelection = useDealStore((s) => s.linkSelection)
  const hasDeal = useDealStore((s) => !!s.deal)
  if (!hasDeal) return null
  if (selection.length === 1) return <StakeholderEditor id={selection[0]} />
  if (selection.length > 1) return <MultiSelection ids={selection} />
  if (linkSelection.length === 1) return <LinkEditor id={linkSelection[0]} />
  return (
    <div className="inspector-empty" data-testid="inspector-empty">
      <p>{t('inspector.empty')}</p>
      <ul className="hints">
        <li>{t('inspector.hintAdd')}</li>
        <li>{t('inspector.hintConnect')}</li>
        <li>{t('inspector.hintSelect')}</li>
      </ul>
    </div>
  )
}
