/** The people table: a spreadsheet view of the deal's people, beside the map. */
export { PeopleTable } from './PeopleTable'
export { ViewSwitch } from './ViewSwitch'
export { usePeopleViewStore } from './view-store'
export { peopleActions } from './actions'
