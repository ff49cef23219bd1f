import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AppFailure, api, messageOf, unwrap } from '../api'
import { Modal } from '../ui/Modal'
import { earlierStates, useDealStore } from '../state/deal-store'
import { MAX_EARLIER_STATES } from '@shared/ipc-collab'
import { useWorkspaceStore } from '../state/workspace-store'
import { useCollabStore } from './collab-store'
import { failureKey, shareIssues, type ShareDraft, type ShareField } from './share-form'
import { adoptCollabState } from './use-collab-sync'
import { syncOpenedDeal } from '../accounts'

/** The server and who you are are remembered for the next share (never the token). */
const REMEMBERED = 'war-room.collab.last'

function remembered(): Pick<ShareDraft, 'serverUrl' | 'name' | 'email'> {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(REMEMBERED) ?? '{}') as Record<string, unknown>
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2000) : '')
    return { serverUrl: text(saved.serverUrl), name: text(saved.name), email: text(saved.email) }
  } catch {
    return { serverUrl: '', name: '', email: '' }
  }
}

/** "Share with team…" (the open deal) and "Join a shared deal…" (from the deals list). */
export function ShareDialog() {
  const mode = useCollabStore((s) => s.dialog)
  if (!mode) return null
  return <ShareForm key={mode} mode={mode} />
}

function ShareForm({ mode }: { mode: 'share' | 'join' }) {
  const { t } = useTranslation('collab')
  const deal = useDealStore((s) => s.deal)
  const current = useCollabStore((s) => s.state)
  const [draft, setDraft] = useState<ShareDraft>(() => ({ ...remembered(), ...(current ? { serverUrl: current.serverUrl } : {}), token: '', dealId: '' }))
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const issues = shareIssues(draft, mode)
  const shown = tried ? issues : {}
  const close = () => useCollabStore.getState().openDialog(null)

  const submit = async () => {
    setTried(true)
    if (Object.keys(issues).length > 0 || busy) return
    setBusy(true)
    setFailure(undefined)
    const who = { serverUrl: draft.serverUrl.trim(), token: draft.token.trim(), name: draft.name.trim(), email: draft.email.trim() }
    try {
      if (mode === 'share' && deal) {
        // The cards carry their account person's id before the first state leaves this laptop,
        // so colleagues' laptops take the ids as they are, not name the people anew and relink
        // the cards (docs/method.md, "One person, several ids"): a card entered since the deal
        // opened has none yet.
        if (!current) {
          await useDealStore.getState().flush()
          await syncOpenedDeal(deal.id, { sharingKnown: true }) // private until shared
        }
        // The deal on disk is what main seeds the doc from; the states before the page's last
        // undo steps go with it, so Ctrl+Z still takes those edits back once the deal is shared
        // (docs/collaboration-app.md, "Undo across sharing"). Connection settings of a deal
        // already shared send none: the server has its history.
        await useDealStore.getState().flush()
        const earlier = current ? [] : earlierStates(MAX_EARLIER_STATES)
        const state = unwrap(await api.shareDeal(deal.id, earlier.length > 0 ? { ...who, earlier } : who))
        adoptCollabState(deal.id, state)
      } else {
        const joined = unwrap(await api.joinSharedDeal({ ...who, dealId: draft.dealId.trim() }))
        await useWorkspaceStore.getState().load()
        await useDealStore.getState().open(joined.id)
      }
      globalThis.localStorage?.setItem(REMEMBERED, JSON.stringify({ serverUrl: who.serverUrl, name: who.name, email: who.email }))
      close()
    } catch (e) {
      const key = e instanceof AppFailure ? failureKey(e.reason) : null
      setFailure(key ? t(key) : t('failed.other', { message: messageOf(e) }))
    } finally {
      setBusy(false)
    }
  }

  const field = (name: ShareField, type: string, hint?: string, autoFocus = false) => (
    <div className="field">
      <label htmlFor={`collab-${name}`}>{t(name === 'dealId' ? 'join.dealId' : `share.${name}`)}</label>
      <input
        id={`collab-${name}`}
        data-testid={`collab-${name}`}
        type={type}
        value={draft[name]}
        autoFocus={autoFocus}
        autoComplete={name === 'token' ? 'off' : undefined}
        spellCheck={false}
        aria-invalid={shown[name] ? true : undefined}
        aria-describedby={`collab-${name}-note`}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
      <span id={`collab-${name}-note`} className={shown[name] ? 'field-error' : 'field-hint'}>{shown[name] ? t(shown[name]!) : hint}</span>
    </div>
  )

  return (
    <Modal label={t(mode === 'share' ? 'share.title' : 'join.title')} onClose={close} className="collab-dialog" testId="collab-dialog">
      <form onSubmit={(e) => { e.preventDefault(); void submit() }} noValidate>
        <h2>{t(mode === 'share' ? 'share.title' : 'join.title')}</h2>
        <p className="collab-intro">{t('share.intro')}</p>
        {field('serverUrl', 'url', t('share.serverUrlHint'), !draft.serverUrl)}
        {mode === 'join' && field('dealId', 'text', t('join.dealIdHint'))}
        {field('token', 'password', t('share.tokenHint'), Boolean(draft.serverUrl))}
        <div className="collab-who">
          {field('name', 'text')}
          {field('email', 'email', t('share.emailHint'))}
        </div>
        {failure && <p role="alert" className="error" data-testid="collab-failure">{failure}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={close}>{t('common:cancel')}</button>
          <button type="submit" className="primary" data-testid="collab-submit" disabled={busy}>
            {busy ? t('share.working') : t(mode === 'join' ? 'join.submit' : current ? 'share.update' : 'share.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
