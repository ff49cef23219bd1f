import { BUYING_ROLES, INFLUENCES, STANCES, type Stakeholder } from '@shared/model'

/** The table's columns, in order; `kind` decides the editor. */
export const PEOPLE_COLUMNS = [
  { key: 'name', kind: 'text' },
  { key: 'title', kind: 'text' },
  { key: 'department', kind: 'text' },
  { key: 'reportsTo', kind: 'person' },
  { key: 'buyingRole', kind: 'enum', values: BUYING_ROLES },
  { key: 'influence', kind: 'enum', values: INFLUENCES },
  { key: 'stance', kind: 'enum', values: STANCES },
  { key: 'owner', kind: 'seller' },
] as const

export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number]
export type ColumnKey = PeopleColumn['key']

/** The value a cell edits, as the editor holds it ('' for "none"). */
export function cellValue(person: Stakeholder, key: ColumnKey, managerOf: ReadonlyMap<string, string>): string {
  switch (key) {
    case 'name': case 'title': case 'department': case 'buyingRole': case 'influence': case 'stance':
      return person[key]
    case 'reportsTo':
      return managerOf.get(person.id) ?? ''
    case 'owner':
      return person.ownerIds[0] ?? ''
  }
}
