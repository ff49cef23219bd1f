import { cardForPerson, managerCardOf, type AccountPerson } from '@shared/accounts'
import { placeNewCard } from '@shared/placement'
import { useDealStore } from '../state/deal-store'
import { today } from '../state/today'

/** Add an account person to the open deal: one command, the new card selected. `persons`: the account's (the manager's aliases). */
export function addPersonFromAccount(person: AccountPerson, persons: readonly AccountPerson[] = []): boolean {
  const { deal } = useDealStore.getState()
  if (!deal) return false
  const manager = managerCardOf(person, deal, persons)
  const fallback = deal.stakeholders.length ? { x: Math.min(...deal.stakeholders.map((s) => s.position.x)), y: Math.max(...deal.stakeholders.map((s) => s.position.y)) + 160 } : { x: 0, y: 0 }
  const position = placeNewCard(deal, { managerId: manager?.id, fallback })
  const { stakeholder, links } = cardForPerson(person, deal, position, today(), persons)
  const result = useDealStore.getState().dispatch({ type: 'add-stakeholders', stakeholders: [stakeholder], links })
  if (!result.ok) return false
  useDealStore.getState().focus([stakeholder.id])
  return true
}
