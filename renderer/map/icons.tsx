import type { BuyingRole, Stance } from '@shared/model'

/**
 * Small inline SVG glyphs (no icon font: the CSP allows only our own files, and system
 * fonts differ). Stance shapes double the colour cue for colour-blind readers.
 */
const STANCE_PATHS: Record<Stance, string> = {
  champion: 'M8 1l2.1 4.6 5 .5-3.8 3.3 1.1 4.9L8 11.8 3.6 14.3l1.1-4.9L.9 6.1l5-.5z', // star
  supporter: 'M8 2l6.5 11h-13z', // triangle up
  neutral: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z', // circle
  skeptic: 'M8 14L1.5 3h13z', // triangle down
  opponent: 'M3.5 2L8 6.5 12.5 2 14 3.5 9.5 8l4.5 4.5-1.5 1.5L8 9.5 3.5 14 2 12.5 6.5 8 2 3.5z', // cross
  unknown: 'M2 2h12v12H2z', // square (with "?" drawn over)
}

export function StanceIcon({ stance, size = 16 }: { stance: Stance; size?: number }) {
  return (
    <svg className={`stance-icon stance-${stance}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <path d={STANCE_PATHS[stance]} />
      {stance === 'unknown' && (
        <text x="8" y="12" textAnchor="middle" fontSize="11" fontWeight="700" className="stance-icon-q">?</text>
      )}
    </svg>
  )
}

const ROLE_PATHS: Record<BuyingRole, string> = {
  'decision-maker': 'M2 12h12v2H2zM2 5l3 3 3-5 3 5 3-3-1 6H3z', // crown
  approver: 'M6.5 11.5L2.5 7.5 4 6l2.5 2.5L12 3l1.5 1.5z', // check
  'technical-evaluator': 'M9.5 2a4 4 0 0 0-3.8 5.2L2 11l3 3 3.8-3.7A4 4 0 0 0 14 6.5l-2.3 2.3-2.5-.7-.7-2.5L10.8 3A4 4 0 0 0 9.5 2z', // wrench
  user: 'M8 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM2.5 14c.5-3 3-4.5 5.5-4.5s5 1.5 5.5 4.5z', // person
  influencer: 'M2 6h3l5-4v12l-5-4H2z', // megaphone
  coach: 'M8 1l6 3v4c0 3.5-2.6 6-6 7-3.4-1-6-3.5-6-7V4z', // shield
  gatekeeper: 'M4 7V5a4 4 0 0 1 8 0v2h1v7H3V7zm2 0h4V5a2 2 0 0 0-4 0z', // lock
  unknown: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2zm0 2.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2zM7 8v4h2V8z', // info
}

export function RoleIcon({ role, size = 12 }: { role: BuyingRole; size?: number }) {
  return (
    <svg className="role-icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <path d={ROLE_PATHS[role]} />
    </svg>
  )
}

export function InnerCircleIcon({ size = 14 }: { size?: number }) {
  return (
    <svg className="inner-circle-icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" fill="none" strokeWidth="2" />
      <circle cx="8" cy="8" r="2.5" />
    </svg>
  )
}
