import { describe, expect, it } from 'vitest'
import { departmentKey } from '@shared/departments'

describe('departmentKey', () => {
  it('treats spacing around and case as the same department', () => {
    expect(departmentKey(' Finance ')).toBe(departmentKey('finance'))
    expect(departmentKey('　财务部　')).toBe('财务部') // a full-width space is trimmed too
  })

  it('folds case the same way on every machine, whatever its locale', () => {
    // Under a Turkish locale a plain toLocaleLowerCase() gives "ıt" for "IT".
    expect('IT'.toLocaleLowerCase('tr')).toBe('ıt')
    expect(departmentKey('IT')).toBe('it')
    expect(departmentKey('IT')).toBe(departmentKey('it'))
  })
})
