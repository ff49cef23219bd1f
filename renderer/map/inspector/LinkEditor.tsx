import { useTranslation } from 'react-i18next'
import { useDealStore } from '../../state/deal-store'
import { LineRow } from './StakeholderLines'

/** A selected line on its own. */
export function LinkEditor({ id }: { id: string }) {
  const { t } = useTranslation('map')
  const link = useDealStore((s) => s.deal?.links.find((l) => l.id === id))
  const stakeholders = useDealStore((s) => s.deal?.stakeholders)
  if (!link) return null
  const nameOf = (sid: string) => stakeholders?.find((s) => s.id === sid)?.name ?? '?'
  return (
    <div className="inspector" data-testid="link-inspector">
      <h2 className="inspector-heading">{t('inspector.line')}</h2>
      <ul className="inspector-lines">
        <LineRow link={link} fromName={nameOf(link.from)} toName={nameOf(link.to)} />
      </ul>
    </div>
  )
}
