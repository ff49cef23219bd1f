import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ROLE_OF_SEAT } from '@shared/method'
import { ROLES, type Role } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { useHistoryStore } from '../state/history-store'
import { useDealAnalysis } from '../state/use-deal-analysis'
import { useWorkspaceStore } from '../state/workspace-store'
import { useCoverageStore } from './coverage-store'
import { FindingList } from './FindingList'
import { RosterStrip } from './RosterStrip'
import { TeamLane } from './TeamLane'
import { VerdictBanner } from './VerdictBanner'
import './team.css'

/** The deal team: the verdict, the three lanes, what to fix, and the roster to drag from. */
export function TeamPanel() {
  const { t } = useTranslation('team')
  const coverage = useDealAnalysis()?.team
  const team = useDealStore((s) => s.deal?.team)
  const stakeholders = useDealStore((s) => s.deal?.stakeholders)
  const roster = useWorkspaceStore((s) => s.roster)
  const coverageShown = useCoverageStore((s) => s.shown)
  const dealId = useDealStore((s) => s.deal?.id)
  // The team builder ranks by ties with this account's key people, read from every deal's people.
  useEffect(() => {
    if (dealId) void useHistoryStore.getState().load()
  }, [dealId])
  const rolesBySeller = useMemo(() => {
    const map = new Map<string, Role[]>()
    for (const seat of team ?? []) {
      const role = ROLE_OF_SEAT[seat.seat]
      const held = map.get(seat.sellerId) ?? []
      if (!held.includes(role)) map.set(seat.sellerId, [...held, role])
    }
    return map
  }, [team])
  if (!coverage || !stakeholders) return null
  return (
    <div className="team-panel" data-testid="team-panel">
      <VerdictBanner verdict={coverage.verdict} />
      <div className="team-lanes">
        {ROLES.map((role) => (
          <TeamLane key={role} role={role} coverage={coverage.roles[role]} roster={roster} rolesOf={(id) => rolesBySeller.get(id) ?? []} />
        ))}
      </div>
      <p className="team-intro">{t('panel.intro')}</p>
      <section className="team-findings-section" aria-labelledby="team-findings-title">
        <h3 id="team-findings-title">{t('findings.title')}</h3>
        <FindingList findings={coverage.findings} suggestions={coverage.suggestions} roster={roster} stakeholders={stakeholders} />
      </section>
      <label className="team-coverage-toggle">
        <input type="checkbox" data-testid="team-show-coverage" checked={coverageShown} onChange={() => useCoverageStore.getState().toggle()} />
        {t('panel.showCoverage')}
      </label>
      <RosterStrip roster={roster} />
    </div>
  )
}
