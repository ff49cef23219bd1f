export * from './types'
export { diffDeals } from './diff-deals'
export { describeChange } from './describe'
