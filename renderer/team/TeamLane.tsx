import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoleCoverage } from '@shared/analysis'
import { SEAT_OF_ROLE, masters } from '@shared/method'
import type { Role, Seller } from '@shared/model'
import { droppedSellerId, isSellerDrag } from './drag'
import { SeatRow } from './SeatRow'
import { teamCommands } from './seat-operations'

interface TeamLaneProps {
  role: Role
  coverage: RoleCoverage
  roster: readonly Seller[]
  /** For twin souls: the other roles each seated seller plays on this deal. */
  rolesOf(sellerId: string): Role[]
}

/** One role's lane: what it does and wins with, its seats, a drop target and a picker. */
export function TeamLane({ role, coverage, roster, rolesOf }: TeamLaneProps) {
  const { t } = useTranslation('team')
  const chineseTerm = t(`roleChinese.${role}`)
  const [over, setOver] = useState(false)
  const seat = SEAT_OF_ROLE[role]
  const sellers = new Map(roster.map((s) => [s.id, s]))
  const seated = new Set(coverage.seats.map((s) => s.sellerId))
  // Offer the active roster, those who have mastered the role first.
  const candidates = roster
    .filter((s) => !s.archived && !seated.has(s.id))
    .sort((a, b) => Number(masters(b.level, role)) - Number(masters(a.level, role)) || a.name.localeCompare(b.name))

  return (
    <section
      className={`team-lane lane-${role}${over ? ' drop-over' : ''}${coverage.covered ? '' : ' vacant'}`}
      data-testid={`lane-${role}`}
      aria-labelledby={`lane-title-${role}`}
      onDragOver={(e) => {
        if (!isSellerDrag(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        if (!over) setOver(true)
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false)
      }}
      onDrop={(e) => {
        setOver(false)
        const sellerId = droppedSellerId(e)
        if (!sellerId) return
        e.preventDefault()
        teamCommands.seat(sellerId, seat)
      }}
    >
      <header className="lane-header">
        <h3 id={`lane-title-${role}`}>
          <span className="lane-role">
            {t(`role.${role}`)}
            {/* The Chinese term helps readers of English; in Chinese it is the role's own name, so it is left out. */}
            {chineseTerm && <span className="lane-role-zh" lang="zh-CN">{chineseTerm}</span>}
          </span>
          <span className="lane-seat">{t(`seatTitle.${seat}`)}</span>
        </h3>
        <p className="lane-wins">{t(`winsWith.${role}`)}</p>
      </header>
      <details className="lane-what">
        <summary>{t(`laneShort.${role}`)}</summary>
        <p>{t(`laneWhat.${role}`)}</p>
      </details>
      {coverage.seats.length === 0 ? (
        <p className="lane-empty">{t('lane.empty')}</p>
      ) : (
        <ul className="lane-seats">
          {coverage.seats.map((check) => (
            <SeatRow
              key={check.sellerId}
              check={check}
              seller={sellers.get(check.sellerId)}
              otherRoles={rolesOf(check.sellerId).filter((r) => r !== role)}
            />
          ))}
        </ul>
      )}
      <select
        className="lane-picker"
        data-testid={`lane-picker-${role}`}
        aria-label={t('lane.pickLabel', { seat: t(`seat.${seat}`) })}
        value=""
        onChange={(e) => {
          if (e.target.value) teamCommands.seat(e.target.value, seat)
        }}
      >
        <option value="">{t('lane.pick')}</option>
        {candidates.map((s) => (
          <option key={s.id} value={s.id}>
            {`${s.name} · ${t(`level.${s.level}`)}${masters(s.level, role) ? ' ✓' : ''}`}
          </option>
        ))}
      </select>
    </section>
  )
}
