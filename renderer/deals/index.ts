// The deals feature's public face: other features import only what is listed here.
export { DealsList } from './DealsList'
