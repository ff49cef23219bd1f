import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LINK_KINDS, type LinkKind } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { cancelPendingConnection, chooseKindForPending, useConnectionPopover } from './connect'

/**
 * One choice per kind; the kinds with a direction (reports-to, influences) both ways round: a
 * line drawn sideways has no "down", and one dragged from a top dot arrives turned round.
 */
interface Choice { kind: LinkKind; reversed: boolean; testId: string }
const DIRECTED: ReadonlySet<LinkKind> = new Set(['reports-to', 'influences'])
const CHOICES: readonly Choice[] = LINK_KINDS.flatMap((kind): Choice[] =>
  DIRECTED.has(kind)
    ? [{ kind, reversed: false, testId: `connect-kind-${kind}` }, { kind, reversed: true, testId: `connect-kind-${kind}-reversed` }]
    : [{ kind, reversed: false, testId: `connect-kind-${kind}` }],
)

/** Right after drawing a line: pick its kind; the line is made then (Esc makes none). */
export function ConnectionPopover() {
  const { t } = useTranslation('map')
  const pending = useConnectionPopover((s) => s.pending)
  const stakeholders = useDealStore((s) => s.deal?.stakeholders)
  useEffect(() => {
    if (!pending) return
    const close = (e: KeyboardEvent) => e.key === 'Escape' && cancelPendingConnection()
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
        {CHOICES.map(({ kind, reversed, testId }) => {
          // Reports-to reads "target reports to source" by default (dragged from the manager).
          const [from, to] = kind === 'reports-to' ? (reversed ? [source, target] : [target, source]) : reversed ? [target, source] : [source, target]
          return (
            <button key={testId} type="button" data-testid={testId} className={`link-choice link-choice-${kind}`} onClick={() => chooseKindForPending(kind, reversed)}>
              {t(`linkSentence.${kind}`, { from, to })}
            </button>
          )
        })}
        <button type="button" className="ghost" data-testid="connect-cancel" onClick={cancelPendingConnection}>
          {t('connect.cancel')}
        </button>
      </div>
    </div>
  )
}
