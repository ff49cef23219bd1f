import type { DealCommand } from '@shared/commands'
import { newId, newStakeholder, type BuyingRole, type Deal, type Influence, type Stance } from '@shared/model'
import { placeNewCard } from '@shared/placement'
import { wouldCloseReportsToLoop } from '@shared/reports-to'
import { useDealStore, type DispatchResult } from '../state/deal-store'

/**
 * The one place the people table turns a cell edit into deal commands, so every edit is one
 * undo step and the choice of commands (`set-field`, `add-owner`/`remove-owner`, `add-link`/`remove-links`)
 * can change in one file.
 */

export type CellEdit =
  | { field: 'name' | 'title' | 'department'; value: string }
  | { field: 'buyingRole'; value: BuyingRole }
  | { field: 'influence'; value: Influence }
  | { field: 'stance'; value: Stance }
  | { field: 'owner'; value: string | null }
  | { field: 'reportsTo'; value: string | null }

export type EditRefusal =
  | { code: 'empty-name' }
  | { code: 'self-manager' }
  | { code: 'reports-to-loop'; manager: string; person: string }
  | { code: 'refused'; message: string }

export type EditOutcome = { ok: true } | { ok: false; refusal: EditRefusal }

/** The person's manager in the table: their first reports-to line (a matrix line stays as it is). */
export function managerLink(deal: Deal, personId: string) {
  return deal.links.find((l) => l.kind === 'reports-to' && l.from === personId)
}

function outcome(result: DispatchResult): EditOutcome {
  if (result.ok) return { ok: true }
  if (result.error.code === 'empty-name') return { ok: false, refusal: { code: 'empty-name' } }
  return { ok: false, refusal: { code: 'refused', message: result.error.message } }
}

/** The commands for one cell edit, or why it is refused; none when the value is unchanged. */
export function commandsForEdit(deal: Deal, personId: string, edit: CellEdit): DealCommand[] | EditRefusal {
  const person = deal.stakeholders.find((s) => s.id === personId)
  if (!person) return { code: 'refused', message: 'This person is no longer on the map' }
  switch (edit.field) {
    case 'name':
      // A seat not yet identified has no name to keep: leaving its name empty is no edit.
      if (edit.value.trim() === '') return person.placeholder && person.name.trim() === '' ? [] : { code: 'empty-name' }
      return edit.value.trim() === person.name ? [] : [{ type: 'set-field', stakeholderId: personId, field: 'name', value: edit.value.trim() }]
    case 'title':
    case 'department':
      return edit.value.trim() === person[edit.field] ? [] : [{ type: 'set-field', stakeholderId: personId, field: edit.field, value: edit.value.trim() }]
    case 'buyingRole':
    case 'influence':
    case 'stance':
      return edit.value === person[edit.field] ? [] : [{ type: 'set-field', stakeholderId: personId, field: edit.field, value: edit.value } as DealCommand]
    case 'owner': {
      const next = edit.value ? [edit.value] : []
      const same = next.length === person.ownerIds.length && next.every((id, i) => id === person.ownerIds[i])
      if (same) return []
      // The table's owner column names one owner: drop the others, then add the chosen one.
      return [
        ...person.ownerIds.filter((id) => id !== edit.value).map((sellerId): DealCommand => ({ type: 'remove-owner', stakeholderId: personId, sellerId })),
        ...(edit.value && !person.ownerIds.includes(edit.value) ? [{ type: 'add-owner', stakeholderId: personId, sellerId: edit.value } as DealCommand] : []),
      ]
    }
    case 'reportsTo': {
      const current = managerLink(deal, personId)
      if ((current?.to ?? null) === edit.value) return []
      if (edit.value === personId) return { code: 'self-manager' }
      const remove: DealCommand[] = current ? [{ type: 'remove-links', ids: [current.id] }] : []
      if (edit.value === null) return remove
      const others = current ? deal.links.filter((l) => l.id !== current.id) : deal.links
      if (wouldCloseReportsToLoop(others, personId, edit.value)) {
        const manager = deal.stakeholders.find((s) => s.id === edit.value)
        return { code: 'reports-to-loop', manager: manager?.name ?? '', person: person.name }
      }
      // Already joined by a second reports-to line (a matrix line): that line becomes the main one.
      const existing = others.find((l) => l.kind === 'reports-to' && l.from === personId && l.to === edit.value)
      if (existing) return remove
      return [...remove, { type: 'add-link', link: { id: newId(), from: personId, to: edit.value, kind: 'reports-to' } }]
    }
  }
}

/** Apply one cell edit as one undo step. */
export function applyCellEdit(personId: string, edit: CellEdit): EditOutcome {
  const store = useDealStore.getState()
  if (!store.deal) return { ok: false, refusal: { code: 'refused', message: 'No deal is open' } }
  const commands = commandsForEdit(store.deal, personId, edit)
  if (!Array.isArray(commands)) return { ok: false, refusal: commands }
  if (commands.length === 0) return { ok: true }
  return outcome(store.dispatchAll(commands))
}

/** A person typed into the table's last, empty row: placed on the map where no card is. */
export function addPersonNamed(name: string): { ok: true; id: string } | { ok: false; refusal: EditRefusal } {
  const store = useDealStore.getState()
  const deal = store.deal
  if (!deal) return { ok: false, refusal: { code: 'refused', message: 'No deal is open' } }
  if (name.trim() === '') return { ok: false, refusal: { code: 'empty-name' } }
  // Next to the person typed in last, so a list typed in the table lands as a group on the map.
  const last = deal.stakeholders[deal.stakeholders.length - 1]
  const position = placeNewCard(deal, { nearIds: last ? [last.id] : [], fallback: { x: 0, y: 0 } })
  const person = newStakeholder({ name: name.trim(), position })
  const result = outcome(store.dispatch({ type: 'add-stakeholders', stakeholders: [person] }))
  return result.ok ? { ok: true, id: person.id } : result
}
