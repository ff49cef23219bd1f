import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CollabState, PresentUser } from '@shared/ipc'
import { initialsOf } from '../ui/initials'
import { useDealStore } from '../state/deal-store'
import { useCollabStore } from './collab-store'
import { EndSharingDialog, type EndSharing } from './EndSharingDialog'
import { TeamChanges } from './TeamChanges'

/** Two people and a plus: share this deal with the team. */
const SHARE_GLYPH = 'M7 3a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zm0 2a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM1 17c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5h-2c0-2-1.8-3.5-4-3.5s-4 1.5-4 3.5zM15 4h2v3h3v2h-3v3h-2V9h-3V7h3z'

/** The top bar's sharing corner: "Share with team…", or the sync state, who is here and the sharing menu. */
export function CollabBar() {
  const { t } = useTranslation('collab')
  const state = useCollabStore((s) => s.state)
  if (!state) {
    return (
      // Its words give way to the glyph on a crowded top bar (as the toolbar's do, styles/shell.css),
      // so the deal's name keeps the room; the tooltip and the accessible name keep the words.
      <button type="button" className="collab-share-button toolbar-button" data-testid="collab-share" aria-label={t('share.action')} title={t('share.action')} onClick={() => useCollabStore.getState().openDialog('share')}>
        <svg className="toolbar-svg" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
          <path fill="currentColor" d={SHARE_GLYPH} />
        </svg>
        <span className="toolbar-label">{t('share.action')}</span>
      </button>
    )
  }
  return (
    <div className="collab-bar" data-testid="collab-bar">
      <PresenceAvatars users={state.presence} />
      <SharingMenu state={state} />
    </div>
  )
}

function SyncStatusPill({ state }: { state: CollabState }) {
  const { t, i18n } = useTranslation('collab')
  const { status } = state
  // A refusal's pill names it in a few words (two short lines at most on a crowded bar); what
  // it means and the way out, where it takes a sentence, are in the tooltip (collab:reasonDetail).
  const detail = status.kind === 'refused' && i18n.exists(`collab:reasonDetail.${status.reason}`) ? t(`reasonDetail.${status.reason}`) : null
  // This laptop's own trouble (its disk, its sharing record) is not a refusal by anyone: named alone.
  const ownFault = status.kind === 'refused' && i18n.exists(`collab:ownFault.${status.reason}`) ? t(`ownFault.${status.reason}`) : null
  const [text, title] =
    status.kind === 'connected' ? [t('status.connected'), t('status.connectedTitle')]
    : status.kind === 'syncing' ? [t('status.syncing'), t('status.syncingTitle')]
    : status.kind === 'offline' ? [status.pending > 0 ? t('status.offline', { count: status.pending }) : t('status.offlineNone'), t('status.offlineTitle')]
    : [ownFault ?? t('status.refused', { reason: t(`reason.${status.reason}`) }), detail]
  // "Offline · 3 waiting" where the top bar is crowded (collab.css): the deal's name keeps the
  // room; the whole sentence stays in the tooltip and for screen readers.
  const short = status.kind === 'offline' && status.pending > 0 ? t('status.offlineShort', { count: status.pending }) : null
  return (
    <span className={`collab-status collab-${status.kind}`} data-testid="collab-status" data-status={status.kind} title={title ? t('status.tooltip', { state: text, detail: title }) : text} role="status" aria-live="polite">
      <span className="collab-dot" aria-hidden />
      <span className={`collab-status-text${short ? ' has-short' : ''}`}>{text}</span>
      {short && <span className="collab-status-short" aria-hidden>{short}</span>}
      {state.role === 'viewer' && <span className="collab-viewer"> · {t('status.viewer')}</span>}
    </span>
  )
}

function PresenceAvatars({ users }: { users: PresentUser[] }) {
  const { t } = useTranslation('collab')
  // You first, then colleagues by name; at most six chips, the rest counted.
  const sorted = [...users].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
  const shown = sorted.slice(0, 6)
  return (
    <ul className="collab-presence" aria-label={t('presence.label')} data-testid="collab-presence">
      {shown.map((u) => {
        const label = u.self ? t('presence.you', { name: u.name }) : u.email ? `${u.name} <${u.email}>` : u.name
        return (
          <li key={u.clientId} className="collab-avatar" style={{ background: u.color }} title={label} aria-label={label} data-testid="collab-avatar" data-self={u.self || undefined}>
            {initialsOf(u.name)}
          </li>
        )
      })}
      {sorted.length > shown.length && <li className="collab-avatar collab-more">+{sorted.length - shown.length}</li>}
    </ul>
  )
}

function SharingMenu({ state }: { state: CollabState }) {
  const { t } = useTranslation('collab')
  const [open, setOpen] = useState(false)
  const [ending, setEnding] = useState<EndSharing | null>(null)
  // The id and name only: a colleague's edit of a person does not redraw the top bar.
  const dealId = useDealStore((s) => s.deal?.id)
  const dealName = useDealStore((s) => s.deal?.name)
  if (dealId === undefined || dealName === undefined) return null
  const shareDamaged = state.status.kind === 'refused' && state.status.reason === 'share-damaged'
  const end = (how: EndSharing) => {
    setOpen(false)
    setEnding(how)
  }
  return (
    <div className="collab-menu-wrap">
      {/* The state is the menu's button: one place to read it and to act on it. */}
      <button type="button" className="ghost collab-menu-button" aria-haspopup="menu" aria-expanded={open} aria-label={t('menu.label')} data-testid="collab-menu" onClick={() => setOpen(!open)}>
        <SyncStatusPill state={state} /> ▾
      </button>
      {open && (
        <div className="collab-menu" role="menu">
          <div className="collab-deal-id">
            <span>{t('share.dealIdLabel')}</span>
            <code data-testid="collab-deal-id">{state.dealId}</code>
          </div>
          <OpenDealTeamChanges />
          {/* A damaged sharing record is left by sharing again (its edits are kept): the pill says so, the menu says it in the same words. */}
          <button type="button" role="menuitem" data-testid="collab-reconnect" onClick={() => { setOpen(false); useCollabStore.getState().openDialog('share') }}>{t(shareDamaged ? 'menu.shareAgain' : 'menu.reconnect')}</button>
          <button type="button" role="menuitem" data-testid="collab-unshare" onClick={() => end('unshare')}>{t('menu.unshare')}</button>
          <button type="button" role="menuitem" className="danger" data-testid="collab-leave" onClick={() => end('leave')}>{t('menu.leave')}</button>
        </div>
      )}
      {ending && <EndSharingDialog how={ending} dealId={dealId} dealName={dealName} onClose={() => setEnding(null)} />}
    </div>
  )
}

/** The open deal's team changes, read while the menu is open. */
function OpenDealTeamChanges() {
  const deal = useDealStore((s) => s.deal)
  return deal ? <TeamChanges deal={deal} /> : null
}
