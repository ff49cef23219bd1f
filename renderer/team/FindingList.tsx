import { useTranslation } from 'react-i18next'
import { describeFinding, type Finding, type Suggestion } from '@shared/analysis'
import { SEAT_OF_ROLE } from '@shared/method'
import type { Deal, Seller } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { teamCommands } from './seat-operations'
import { TeamBuilder } from './TeamBuilder'

interface FindingListProps {
  findings: readonly Finding[]
  suggestions: readonly Suggestion[]
  roster: readonly Seller[]
  stakeholders: Deal['stakeholders']
}

/** The team findings in plain words, each with a one-click fix where there is one. */
export function FindingList({ findings, suggestions, roster, stakeholders }: FindingListProps) {
  const { t } = useTranslation('team')
  if (findings.length === 0) return <p className="team-findings-none" data-testid="team-findings-none">{t('findings.none')}</p>
  const sellers = new Map(roster.map((s) => [s.id, s]))
  return (
    <ul className="team-findings" data-testid="team-findings">
      {findings.map((f, i) => {
        const { text, next, reasons } = describeFinding(f, t)
        return (
          <li key={`${f.code}-${i}`} className={`team-finding severity-${f.severity}`} data-testid="team-finding" data-code={f.code}>
            <span className="finding-severity">{t(`findings.severity.${f.severity}`)}</span>
            <p className="finding-text">{text}</p>
            {next && <p className="finding-next">{next}</p>}
            {reasons.length > 0 && (
              <ul className="finding-reasons">
                {reasons.map((r) => (
                  <li key={r.code} data-code={r.code}>
                    <p className="finding-text">{r.text}</p>
                    {r.next && <p className="finding-next">{r.next}</p>}
                  </li>
                ))}
              </ul>
            )}
            <FindingFix finding={f} suggestions={suggestions} sellers={sellers} stakeholders={stakeholders} />
          </li>
        )
      })}
    </ul>
  )
}

function FindingFix({ finding, suggestions, sellers, stakeholders }: { finding: Finding; suggestions: readonly Suggestion[]; sellers: Map<string, Seller>; stakeholders: Deal['stakeholders'] }) {
  const { t } = useTranslation('team')
  if ((finding.code === 'missing-role' || finding.code === 'unqualified-seat') && finding.role) {
    const role = finding.role
    const suggestion = suggestions.find((s) => s.role === role)
    const best = suggestion?.sellerIds.map((id) => sellers.get(id)).find((s) => s !== undefined)
    if (!suggestion || !best) return null
    const seat = SEAT_OF_ROLE[role]
    return (
      <>
      <button
        type="button"
        className="finding-fix primary"
        data-testid="fix-seat"
        data-seller-id={best.id}
        title={t('fix.seatTitle', { name: best.name, level: t(`levelLower.${best.level}`), seat: t(`seat.${seat}`) })}
        onClick={() => teamCommands.seat(best.id, seat)}
      >
        {t('fix.seat', { name: best.name })}
      </button>
      <TeamBuilder suggestion={suggestion} sellers={sellers} />
      </>
    )
  }
  if (finding.code === 'unowned-key-player' && finding.stakeholderIds?.length) {
    const id = finding.stakeholderIds[0]
    const person = stakeholders.find((s) => s.id === id)
    if (!person) return null
    return (
      <button type="button" className="finding-fix" data-testid="fix-open" onClick={() => useDealStore.getState().focus([id])}>
        {t('fix.open', { name: person.name })}
      </button>
    )
  }
  return null
}
