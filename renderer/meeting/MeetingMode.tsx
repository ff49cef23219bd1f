import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { describeMapStatus, describeVerdict, keyPlayersInOrder } from '@shared/analysis'
import { useDealStore } from '../state/deal-store'
import { useDealAnalysis } from '../state/use-deal-analysis'
import { useWorkspaceStore } from '../state/workspace-store'
import { MeetingCaption } from './MeetingCaption'
import { MeetingMap } from './MeetingMap'
import { leaveMeetingMode, useMeetingStore } from './meeting-store'
import { useCaptionPlacement } from './use-caption-placement'
import './meeting.css'

/**
 * The deal as a presentation: full screen, read-only, panels hidden. Arrow keys walk through
 * the key players; every other key is swallowed so nothing on the map below can change.
 */
export function MeetingMode() {
  const active = useMeetingStore((s) => s.active)
  const deal = useDealStore((s) => s.deal)
  if (!active || !deal) return null
  return <MeetingScreen />
}

function MeetingScreen() {
  const { t } = useTranslation('meeting')
  const deal = useDealStore((s) => s.deal)!
  const roster = useWorkspaceStore((s) => s.roster)
  const { step, showCoverage, showDepartments } = useMeetingStore()
  const players = useMemo(() => keyPlayersInOrder(deal.stakeholders), [deal.stakeholders])
  // The same analysis the panels show: a deal in a meeting is the deal on the desk.
  const analysis = useDealAnalysis()!
  const person = step >= 0 ? players[step] : undefined
  const stageRef = useRef<HTMLDivElement>(null)
  const captionRef = useRef<HTMLElement>(null)
  // The overview's caption as an element (it is a new one each time the overview comes back).
  const [overviewCaption, setOverviewCaption] = useState<HTMLElement | null>(null)
  const overviewRef = useCallback((el: HTMLElement | null) => {
    captionRef.current = el
    setOverviewCaption(el)
  }, [])
  const caption = useCaptionPlacement(stageRef, captionRef, person?.id ?? null, deal.links)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const store = useMeetingStore.getState()
      const count = keyPlayersInOrder(useDealStore.getState().deal?.stakeholders ?? []).length
      const keys: Record<string, () => void> = {
        ArrowRight: () => store.move(1, count),
        ArrowDown: () => store.move(1, count),
        PageDown: () => store.move(1, count),
        ' ': () => store.move(1, count),
        ArrowLeft: () => store.move(-1, count),
        ArrowUp: () => store.move(-1, count),
        PageUp: () => store.move(-1, count),
        Home: () => store.setStep(-1),
        End: () => store.setStep(count - 1),
        Escape: () => leaveMeetingMode(),
        c: () => store.toggleCoverage(),
        d: () => store.toggleDepartments(),
      }
      const handler = keys[e.key]
      // Read-only: no key reaches the editor underneath, handled or not (F5/F11/zoom aside).
      if (!/^F\d+$/.test(e.key)) {
        e.preventDefault()
        e.stopImmediatePropagation()
      }
      handler?.()
    }
    const onFullscreenChange = () => {
      // The browser's own Esc leaves full screen before we see the key: follow it.
      if (!document.fullscreenElement) useMeetingStore.getState().leave()
    }
    window.addEventListener('keydown', onKey, true)
    document.addEventListener('fullscreenchange', onFullscreenChange)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      document.removeEventListener('fullscreenchange', onFullscreenChange)
    }
  }, [])

  const store = useMeetingStore.getState()
  return (
    <div className="meeting-mode" role="dialog" aria-modal="true" aria-label={t('title', { name: deal.name })} data-testid="meeting-mode">
      <header className="meeting-bar">
        <h1 className="meeting-deal">{deal.name}</h1>
        <span className="meeting-step" data-testid="meeting-step">
          {person ? t('step', { current: step + 1, total: players.length }) : t('overview', { count: players.length })}
        </span>
        <div className="meeting-controls">
          <button type="button" onClick={() => store.move(-1, players.length)} disabled={step < 0} aria-label={t('previous')}>←</button>
          <button type="button" onClick={() => store.move(1, players.length)} disabled={step >= players.length - 1} aria-label={t('next')}>→</button>
          <label className="meeting-toggle">
            <input type="checkbox" checked={showCoverage} onChange={() => store.toggleCoverage()} /> {t('coverage')}
          </label>
          <label className="meeting-toggle">
            <input type="checkbox" checked={showDepartments} onChange={() => store.toggleDepartments()} /> {t('departments')}
          </label>
          <button type="button" className="meeting-leave" onClick={leaveMeetingMode}>{t('leave')}</button>
        </div>
      </header>
      <div className="meeting-stage" ref={stageRef}>
        <ReactFlowProvider>
          <MeetingMap deal={deal} spotlightId={person?.id ?? null} showCoverage={showCoverage} showDepartments={showDepartments} onSettled={caption.settle} overviewCaption={overviewCaption} />
        </ReactFlowProvider>
        {person ? (
          <MeetingCaption ref={captionRef} style={caption.style} deal={deal} person={person} roster={roster} relationship={analysis.relationships[person.id]} />
        ) : (
          <section ref={overviewRef} style={caption.style} className="meeting-caption meeting-caption-overview" data-testid="meeting-caption">
            <h2 className="meeting-caption-name">{deal.customer || deal.name}</h2>
            <p className="meeting-caption-title">{players.length ? t('hint') : t('noKeyPlayers')}</p>
            <dl className="meeting-caption-facts">
              <dt>{t('teamVerdict')}</dt>
              <dd data-testid="meeting-verdict" data-verdict={analysis.team.verdict}>{describeVerdict(analysis.team.verdict, t)}</dd>
              <dt>{t('mapStatus')}</dt>
              <dd data-testid="meeting-map-status" data-status={analysis.mapStatus}>{describeMapStatus(analysis.mapStatus, analysis.findingCounts, t)}</dd>
            </dl>
          </section>
        )}
      </div>
    </div>
  )
}
