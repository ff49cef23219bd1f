import { departmentKey } from '@shared/departments'
import type { AppAction } from '../app'
import { useDealStore } from '../state/deal-store'
import { useBranchStore } from './branch-store'
import { mapController } from './map-controller'

/** Fit once React Flow has hidden or shown the cards. */
const refitSoon = () => setTimeout(() => mapController()?.fitView(), 60)

export function focusOnBranch(id: string): void {
  useBranchStore.getState().setFocus({ kind: 'branch', id })
  refitSoon()
}

export function focusOnDepartment(department: string): void {
  useBranchStore.getState().setFocus({ kind: 'department', key: departmentKey(department) })
  refitSoon()
}

/** The way back: every branch expanded, no focus. */
export function showEveryone(): void {
  const store = useBranchStore.getState()
  store.setFocus(null)
  for (const id of store.collapsed) store.toggleCollapsed(id)
  refitSoon()
}

const selectedPerson = () => {
  const { deal, selection } = useDealStore.getState()
  return selection.length === 1 ? deal?.stakeholders.find((s) => s.id === selection[0]) : undefined
}

export const branchActions: AppAction[] = [
  { id: 'focus-branch', titleKey: 'map:actions.focusBranch', group: 'view', isEnabled: () => !!selectedPerson(), run: () => { const p = selectedPerson(); if (p) focusOnBranch(p.id) } },
  { id: 'focus-department', titleKey: 'map:actions.focusDepartment', group: 'view', isEnabled: () => !!selectedPerson()?.department.trim(), run: () => { const p = selectedPerson(); if (p) focusOnDepartment(p.department) } },
  {
    id: 'show-everyone', titleKey: 'map:actions.showEveryone', group: 'view',
    isEnabled: () => useBranchStore.getState().focus !== null || useBranchStore.getState().collapsed.size > 0,
    run: () => showEveryone(),
  },
]
