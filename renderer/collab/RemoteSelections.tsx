import { ViewportPortal } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { cardSize } from '@shared/card-size'
import { useDealStore } from '../state/deal-store'
import { useCollabStore } from './collab-store'

/**
 * Each colleague's selection outlined on the map in their colour, with their name
 * (docs/collaboration-app.md). Drawn in the map's own coordinates, so it pans and zooms with
 * the cards; it takes no pointer events and never moves the user's view.
 */
export function RemoteSelections() {
  const { t } = useTranslation('collab')
  const presence = useCollabStore((s) => s.state?.presence)
  const stakeholders = useDealStore((s) => s.deal?.stakeholders)
  if (!presence || !stakeholders) return null
  const byId = new Map(stakeholders.map((s) => [s.id, s]))
  const outlines = presence.flatMap((user) =>
    user.self ? [] : user.selection.slice(0, 50).flatMap((id, i) => {
      const s = byId.get(id)
      if (!s) return []
      const size = cardSize(s.influence)
      return [{ key: `${user.clientId}:${id}`, user, s, size, labelled: i === 0 }]
    }),
  )
  if (outlines.length === 0) return null
  return (
    <ViewportPortal>
      {outlines.map(({ key, user, s, size, labelled }) => (
        <div
          key={key}
          className="remote-selection"
          data-testid="remote-selection"
          data-user={user.name}
          data-stakeholder={s.id}
          aria-label={t('presence.selecting', { name: user.name })}
          style={{ transform: `translate(${s.position.x - 5}px, ${s.position.y - 5}px)`, width: size.width + 10, height: size.height + 10, borderColor: user.color }}
        >
          {labelled && <span className="remote-selection-name" style={{ background: user.color }}>{user.name}</span>}
        </div>
      ))}
    </ViewportPortal>
  )
}
