import { useEffect, useMemo, useState } from 'react'
import { planCrmImport, type CrmImportPlan, type CrmMapping, type CrmRow, type PlanProgress } from '@shared/import'
import type { Deal } from '@shared/model'
import { planOffMainThread, WORKER_PLAN_ROWS } from './csv-planner'

export type CsvPlanState =
  | { status: 'idle' }
  | { status: 'planning'; progress: PlanProgress }
  | { status: 'planned'; plan: CrmImportPlan }
  | { status: 'failed'; message: string }

type Async = { key: object; state: CsvPlanState }

/**
 * The plan for the preview step. Up to `WORKER_PLAN_ROWS` rows it is made right away, as
 * part of the render (a few milliseconds); a bigger file is planned off the main thread
 * with progress, and a plan no longer wanted (the user went back, the dialog closed) is
 * stopped.
 */
export function useCsvPlan(rows: readonly CrmRow[] | null, mapping: CrmMapping, deal: Deal | null, active: boolean): CsvPlanState {
  const big = rows !== null && rows.length > WORKER_PLAN_ROWS
  const wanted = active && rows !== null && deal !== null
  const small = useMemo<CsvPlanState>(
    () => (wanted && !big ? { status: 'planned', plan: planCrmImport(rows, mapping, deal) } : { status: 'idle' }),
    [wanted, big, rows, mapping, deal],
  )
  // The inputs this async state belongs to: a stale one (older inputs) is never shown.
  const key = useMemo(() => ({ rows, mapping, deal }), [rows, mapping, deal])
  const [async, setAsync] = useState<Async | null>(null)

  useEffect(() => {
    if (!wanted || !big) return
    const abort = new AbortController()
    const set = (state: CsvPlanState) => { if (!abort.signal.aborted) setAsync({ key, state }) }
    set({ status: 'planning', progress: { done: 0, total: rows.length } })
    planOffMainThread({ rows: [...rows], mapping, deal }, (progress) => set({ status: 'planning', progress }), abort.signal)
      .then(({ plan }) => set({ status: 'planned', plan }))
      .catch((error: unknown) => set({ status: 'failed', message: error instanceof Error ? error.message : String(error) }))
    return () => abort.abort()
  }, [wanted, big, key, rows, mapping, deal])

  if (!wanted) return { status: 'idle' }
  if (!big) return small
  return async?.key === key ? async.state : { status: 'planning', progress: { done: 0, total: rows!.length } }
}
