import { describe, expect, it } from 'vitest'
import { emptyWorkspace, WorkspaceSchema } from '@shared/model'

describe('the workspace\'s company template', () => {
  it('is optional: a workspace file from before templates stays valid', () => {
    const old = emptyWorkspace()
    expect('deckTemplate' in old).toBe(false)
    expect(WorkspaceSchema.safeParse(old).success).toBe(true)
  })

  it('holds a path and a name, and nothing else', () => {
    const ws = { ...emptyWorkspace(), deckTemplate: { path: '/home/me/Templates/corp.potx', name: 'corp.potx' } }
    expect(WorkspaceSchema.safeParse(ws).success).toBe(true)
    expect(WorkspaceSchema.safeParse({ ...ws, deckTemplate: { ...ws.deckTemplate, extra: 1 } }).success).toBe(false)
    expect(WorkspaceSchema.safeParse({ ...ws, deckTemplate: { path: '', name: 'x' } }).success).toBe(false)
  })
})
