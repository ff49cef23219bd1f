import { afterEach, describe, expect, it } from 'vitest'
import { Lab, person, until } from './harness'

let lab: Lab
afterEach(() => lab.cleanUp())

describe('two clients on one server', () => {
  it('edits to different fields of one person both survive', async () => {
    lab = new Lab()
    const { a, b } = await lab.pair()
    expect(person(b, 'p1')?.name).toBe('Person 1')

    a.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: 'CIO' }])
    b.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'stance', value: 'champion' }])
    await until(() => person(a, 'p1')?.stance === 'champion' && person(b, 'p1')?.title === 'CIO', 'both edits on both clients')
    expect(person(a, 'p1')).toEqual(person(b, 'p1'))
  })
})
