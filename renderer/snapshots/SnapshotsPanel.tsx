import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SnapshotInfo } from '@shared/ipc'
import { api, AppFailure, messageOf, unwrap } from '../api'
import { formatDate } from '../i18n/format'
import { useDealStore } from '../state/deal-store'
import { ChangeList } from './ChangeList'
import { useComparisonStore } from './comparison-store'
import { useChanges } from './use-changes'
import { useTeamAuthors } from './use-team-authors'
import { authorsOfChange } from '@shared/collab'
import type { Change } from '@shared/changes'
import './snapshots.css'

const NOW = 'now'

/** Save named snapshots of the deal and compare any two versions (or one with now). */
export function SnapshotsPanel() {
  const { t, i18n } = useTranslation('snapshots')
  const dealId = useDealStore((s) => s.deal?.id)
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([])
  const [name, setName] = useState('')
  const [fromId, setFromId] = useState('')
  const [toId, setToId] = useState(NOW)
  const [error, setError] = useState<string>()
  /** Kept as the failure, not a sentence, so it is said in the language shown now. */
  const [saveFailure, setSaveFailure] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const changes = useChanges()
  const from = useComparisonStore((s) => s.from)
  const to = useComparisonStore((s) => s.to)
  const highlight = useComparisonStore((s) => s.highlight)
  const authors = useComparisonStore((s) => s.authors)
  const live = useDealStore((s) => s.deal)
  useTeamAuthors(dealId)
  const after = to?.deal ?? live
  const authorsOf = useCallback(
    (change: Change) => (from && after ? authorsOfChange(change, authors, { before: from.deal, after }) : []),
    [authors, from, after],
  )

  const reload = useCallback(async () => {
    if (!dealId) return
    try {
      const list = unwrap(await api.listSnapshots(dealId))
      const newestFirst = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      setSnapshots(newestFirst)
      setFromId((current) => (newestFirst.some((s) => s.id === current) ? current : newestFirst[0]?.id ?? ''))
    } catch (e) {
      setError(messageOf(e))
    }
  }, [dealId])

  useEffect(() => {
    void reload()
  }, [reload])

  // A refused save is never silent: disk errors and refusals have words in every language;
  // anything else shows main's sentence.
  const refusalMessage = (failure: unknown): string => {
    const key = failure instanceof AppFailure ? (failure.reason ?? failure.code) : undefined
    return key && i18n.exists(`snapshots:saveRefused.${key}`) ? t(`saveRefused.${key}`) : t('saveRefused.other', { message: messageOf(failure) })
  }

  const save = async () => {
    if (!dealId) return
    setBusy(true)
    setError(undefined)
    setSaveFailure(undefined)
    try {
      await useDealStore.getState().flush() // the snapshot is of what is on disk
      const label = name.trim() || t('defaultName', { date: formatDate(new Date().toISOString()) })
      unwrap(await api.saveSnapshot(dealId, label))
      setName('')
      await reload()
    } catch (e) {
      setSaveFailure(e)
    } finally {
      setBusy(false)
    }
  }

  const compare = async () => {
    if (!dealId || !fromId) return
    setBusy(true)
    setError(undefined)
    try {
      const older = unwrap(await api.getSnapshot(dealId, fromId))
      const newer = toId === NOW ? null : unwrap(await api.getSnapshot(dealId, toId))
      useComparisonStore.getState().compare(
        { label: older.info.name, snapshotId: older.info.id, createdAt: older.info.createdAt, deal: older.deal },
        newer && { label: newer.info.name, snapshotId: newer.info.id, createdAt: newer.info.createdAt, deal: newer.deal },
      )
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="snapshots-panel" data-testid="snapshots-panel">
      <section className="panel-section">
        <h3>{t('saveHeading')}</h3>
        <form className="snapshot-save" onSubmit={(e) => { e.preventDefault(); void save() }}>
          <input
            aria-label={t('nameLabel')}
            placeholder={t('namePlaceholder')}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={busy}>{t('save')}</button>
        </form>
      </section>
      <section className="panel-section">
        <h3>{t('listHeading')}</h3>
        {snapshots.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <ul className="snapshot-list" data-testid="snapshot-list">
            {snapshots.map((s) => (
              <li key={s.id}>
                <span className="snapshot-name">{s.name}</span> <span className="muted">{formatDate(s.createdAt)}</span>
                {s.author && <span className="muted snapshot-author" data-testid="snapshot-author"> · {t('takenBy', { name: s.author.name || s.author.email })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {snapshots.length > 0 && (
        <section className="panel-section">
          <h3>{t('compareHeading')}</h3>
          <div className="snapshot-compare">
            <label>
              {t('from')}
              <select value={fromId} onChange={(e) => setFromId(e.target.value)} aria-label={t('from')}>
                {snapshots.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <label>
              {t('to')}
              <select value={toId} onChange={(e) => setToId(e.target.value)} aria-label={t('to')}>
                <option value={NOW}>{t('now')}</option>
                {snapshots.filter((s) => s.id !== fromId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <button type="button" onClick={() => void compare()} disabled={busy || !fromId}>{t('compare')}</button>
          </div>
        </section>
      )}
      {saveFailure !== undefined && <p className="error" role="alert" data-testid="snapshot-save-error">{refusalMessage(saveFailure)}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {changes && from && (
        <section className="panel-section" aria-live="polite">
          <h3 data-testid="comparison-title">
            {t('comparisonTitle', { from: from.label, to: to?.label ?? t('now'), count: changes.length })}
          </h3>
          <div className="comparison-tools">
            <label>
              <input type="checkbox" checked={highlight} onChange={(e) => useComparisonStore.getState().setHighlight(e.target.checked)} />
              {t('highlight')}
            </label>
            <button type="button" className="link-button" onClick={() => useComparisonStore.getState().clear()}>{t('close')}</button>
          </div>
          <ChangeList changes={changes} authorsOf={authorsOf} />
        </section>
      )}
    </div>
  )
}
