import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'

/** Saved / saving / not saved (with the reason) — a meeting must never lose an edit silently. */
export function SaveIndicator() {
  const { t } = useTranslation('common')
  const status = useDealStore((s) => s.saveStatus)
  const error = useDealStore((s) => s.saveError)
  return (
    <div className={`save-indicator save-${status}`} data-testid="save-indicator" data-status={status} role="status" aria-live="polite" title={error}>
      <span className="save-dot" aria-hidden="true" />
      {status === 'error' ? t('save.error', { message: error ?? '' }) : t(`save.${status}`)}
    </div>
  )
}
