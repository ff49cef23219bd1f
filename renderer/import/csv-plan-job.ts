import { planCrmImport, type CrmImportPlan, type CrmMapping, type CrmRow } from '@shared/import'
import type { Deal } from '@shared/model'

/** Page → worker: plan this import into this deal. */
export interface CsvPlanRequest {
  rows: CrmRow[]
  mapping: CrmMapping
  deal: Deal
}

/** Worker → page: how far it got, the plan, or why it failed. */
export type CsvPlanMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; plan: CrmImportPlan }
  | { kind: 'failed'; message: string }

/** Plan one import and say how it went through `post`, the same way in the worker and on the main thread. */
export function runCsvPlanJob(request: CsvPlanRequest, post: (message: CsvPlanMessage) => void): void {
  try {
    const plan = planCrmImport(request.rows, request.mapping, request.deal, undefined, ({ done, total }) => post({ kind: 'progress', done, total }))
    post({ kind: 'done', plan })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
