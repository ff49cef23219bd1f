import { useTranslation } from 'react-i18next'
import { requestContactLog } from './contact-request'

/** The small "log a contact" button on the selected card. */
export function LogContactButton({ stakeholderId }: { stakeholderId: string }) {
  const { t } = useTranslation('relationships')
  return (
    <button type="button" className="card-log-contact nodrag" data-testid="card-log-contact" title={t('actions.logContact')} aria-label={t('actions.logContact')}
      onClick={(e) => {
        e.stopPropagation()
        requestContactLog(stakeholderId)
      }}>
      ✆
    </button>
  )
}
