import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LINK_KINDS } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { chooseKindForPending, useConnectionPopover } from './connect'

/** Right after drawing a line: pick its kind (reports-to is already applied). */
export function ConnectionPopover() {
  const { t } = useTranslation('map')
  const pending = useConnectionPopover((s) => s.pending)
  const stakeholders = useDealStore((s) => s.deal?.stakeholders)
  useEffect(() => {
    if (!pending) return
    const close = (e: KeyboardEvent) => e.key === 'Escape' && useConnectionPopover.setState({ pending: null })
    window.addEventListener('keydown', close)
    return () => window.removeEventListener('keydown', close)
  }, [pending])
  if (!pending) return null
  const nameOf = (id: string) => stakeholders?.find((s) => s.id === id)?.name ?? '?'
  const source = nameOf(pending.source)
  const target = nameOf(pending.target)
  return (
    <div className="connection-popover" role="dialog" aria-label={t('connect.title')} data-testid="connection-popover">
      <p>{t('connect.title')}</p>
      <div className="connection-choices">
        {LINK_KINDS.map((k) => (
          <button key={k} type="button" data-testid={`connect-kind-${k}`} className={k === 'reports-to' ? 'primary' : ''} onClick={() => (k === 'reports-to' ? useConnectionPopover.setState({ pending: null }) : chooseKindForPending(k))}>
            {k === 'reports-to'
              ? t('linkSentence.reports-to', { from: target, to: source })
              : t(`linkSentence.${k}`, { from: source, to: target })}
          </button>
        ))}
      </div>
    </div>
  )
}
