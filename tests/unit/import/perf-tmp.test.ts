import { it } from 'vitest'
import { parseCrmCsv, planCrmImport } from '@shared/import'
import { newDeal } from '@shared/model'
const chain = (n: number) => ['Full Name,Reports To', ...Array.from({ length: n }, (_, i) => `P${i},${i ? `P${i - 1}` : ''}`)].join('\n')
it('perf', () => {
  for (const n of [20000, 20000, 20000]) {
    let t = performance.now()
    const csv = parseCrmCsv(chain(n))
    if (!csv.ok) throw new Error()
    const p = performance.now() - t
    t = performance.now()
    const plan = planCrmImport(csv.rows, { fullName: 0, reportsTo: 1 }, newDeal({ id: 'd', name: 'D' }))
    console.log(n, 'rows parse', p.toFixed(0), 'plan', (performance.now() - t).toFixed(0), 'ms', plan.stakeholders.length)
  }
}, 600_000)
