import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'

/** Saved / saving / not saved (with the reason) — a meeting must never lose an edit silently. */
export function SaveIndicator() {
  const { t, i18n } = useTranslation('common')
  const status = useDealStore((s) => s.saveStatus)
  const error = useDealStore((s) => s.saveError)
  const reason = useDealStore((s) => s.saveErrorReason)
  const params = useDealStore((s) => s.saveErrorParams)
  // Known refusals are said in the user's language; anything else shows main's sentence.
  const message = reason && i18n.exists(`common:save.reasons.${reason}`) ? t(`save.reasons.${reason}`, params) : (error ?? '')
  // Refusals that retrying cannot change wait for the next edit (or the user's choice).
  const refused = reason === 'too-large' || reason === 'conflict'
  return (
    <div className={`save-indicator save-${status}`} data-testid="save-indicator" data-status={status} role="status" aria-live="polite" title={message}>
      <span className="save-dot" aria-hidden="true" />
      <span className="save-text">{status === 'error' ? t(refused ? 'save.refused' : 'save.error', { message }) : t(`save.${status}`)}</span>
    </div>
  )
}
