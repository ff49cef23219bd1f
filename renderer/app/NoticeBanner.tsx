import { useTranslation } from 'react-i18next'
import { noticeText } from '@shared/i18n'
import { useWorkspaceStore } from '../state/workspace-store'

/** What the store had to do on load (a file set aside, a backup restored): told, dismissible. */
export function NoticeBanner() {
  const { t } = useTranslation('common')
  const notices = useWorkspaceStore((s) => s.notices)
  if (notices.length === 0) return null
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n, i) => (
        <div key={i} className={`notice notice-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">
            {noticeText(n, t)}
            {n.file && <span className="notice-file"> ({n.file})</span>}
          </span>
          <button type="button" className="ghost" aria-label={t('dismiss')} onClick={() => useWorkspaceStore.getState().dismissNotice(i)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}
