import { useTranslation } from 'react-i18next'
import { LINK_KINDS, type Link, type LinkKind } from '@shared/model'
import { useDealStore } from '../../state/deal-store'

/** The lines touching one person, each with its kind editable, reversible, removable. */
export function StakeholderLines({ id }: { id: string }) {
  const { t } = useTranslation('map')
  const links = useDealStore((s) => s.deal?.links)
  const stakeholders = useDealStore((s) => s.deal?.stakeholders)
  const mine = (links ?? []).filter((l) => l.from === id || l.to === id)
  const nameOf = (sid: string) => stakeholders?.find((s) => s.id === sid)?.name ?? '?'
  return (
    <section className="inspector-lines" aria-label={t('inspector.lines')}>
      <h3>{t('inspector.lines')}</h3>
      {mine.length === 0 && <p className="muted">{t('inspector.noLines')}</p>}
      <ul>
        {mine.map((l) => (
          <LineRow key={l.id} link={l} fromName={nameOf(l.from)} toName={nameOf(l.to)} />
        ))}
      </ul>
    </section>
  )
}

export function LineRow({ link, fromName, toName }: { link: Link; fromName: string; toName: string }) {
  const { t } = useTranslation('map')
  const dispatch = useDealStore.getState().dispatch
  return (
    <li className="line-row" data-testid="line-row">
      <span className="line-text">{t(`linkSentence.${link.kind}`, { from: fromName, to: toName })}</span>
      <select
        aria-label={t('inspector.lineKind')}
        value={link.kind}
        data-testid="line-kind"
        onChange={(e) => dispatch({ type: 'update-link', id: link.id, kind: e.target.value as LinkKind })}
      >
        {LINK_KINDS.map((k) => (
          <option key={k} value={k}>{t(`linkKind.${k}`)}</option>
        ))}
      </select>
      <button type="button" className="ghost" title={t('inspector.reverse')} aria-label={t('inspector.reverse')} onClick={() => dispatch({ type: 'update-link', id: link.id, kind: link.kind, reverse: true })}>
        ⇅
      </button>
      <button type="button" className="ghost" title={t('inspector.removeLine')} aria-label={t('inspector.removeLine')} onClick={() => dispatch({ type: 'remove-links', ids: [link.id] })}>
        ✕
      </button>
    </li>
  )
}
