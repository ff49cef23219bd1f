import { useTranslation } from 'react-i18next'
import type { TeamVerdict } from '@shared/analysis'

const LIGHT: Record<TeamVerdict, string> = { covered: 'green', 'at-risk': 'amber', gaps: 'red' }
const SYMBOL: Record<TeamVerdict, string> = { covered: '●', 'at-risk': '▲', gaps: '■' }

/** The traffic light: covered (green), at risk (amber), gaps (red), with a shape as well as a colour. */
export function VerdictBanner({ verdict }: { verdict: TeamVerdict }) {
  const { t } = useTranslation('team')
  return (
    <div className={`team-verdict verdict-${LIGHT[verdict]}`} data-testid="team-verdict" data-verdict={verdict} role="status">
      <span className="verdict-light" aria-hidden="true">{SYMBOL[verdict]}</span>
      <div>
        <strong className="verdict-title">{t(`verdict.${verdict}.title`)}</strong>
        <p className="verdict-text">{t(`verdict.${verdict}.text`)}</p>
      </div>
    </div>
  )
}
