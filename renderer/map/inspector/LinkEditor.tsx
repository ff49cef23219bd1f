import { useTranslation } from 'react-i18next'
import { useDealStore } from '../../state/deal-store'
import { LIMITS } from '@shared/model'
import { TextField } from './fields'
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
      <TextField
        label={t('inspector.lineLabel')}
        value={link.label ?? ''}
        maxLength={LIMITS.linkLabel}
        testId="field-line-label"
        onChange={(label, mergeKey) => {
          // One undo step per visit to the field, however many keys were typed.
          const result = useDealStore.getState().dispatch({ type: 'set-link-label', id: link.id, label }, { capture: 'merge', mergeKey })
          return result.ok ? undefined : t('inspector.lineLabelHelp')
        }}
      />
      <p className="muted field-help">{t('inspector.lineLabelHelp')}</p>
    </div>
  )
}
