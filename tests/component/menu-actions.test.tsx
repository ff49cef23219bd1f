import { describe, expect, it } from 'vitest'
import { MENU_ACTION_IDS } from '@shared/ipc-channels'
import { actions, findAction, MENU_ACTION_TARGETS } from '../../renderer/app/actions'

describe('native menu ids', () => {
  it('each runs an action the registry holds', () => {
    for (const id of MENU_ACTION_IDS) {
      expect(actions.map((a) => a.id)).toContain(MENU_ACTION_TARGETS[id])
      expect(findAction(id)?.id).toBe(MENU_ACTION_TARGETS[id])
    }
    expect(findAction('constructor')).toBeUndefined()
  })
})
