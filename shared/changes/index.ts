export * from './types'
export { diffDeals, findingKey, type DiffOptions } from './diff-deals'
export { describeChange } from './describe'
