import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dealFileJsonSchema } from '@shared/model/json-schema'
import { DEAL_VERSION, parseDealFile, toDealFile } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'

const PUBLISHED = join(import.meta.dirname, '../../../docs/deal-file.schema.json')

describe('the published JSON Schema of the deal file', () => {
  it('is the one generated from the zod schema the app validates with (npm run docs:schema writes it again)', async () => {
    const generated = `${JSON.stringify(dealFileJsonSchema(), null, 2)}\n`
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(PUBLISHED, generated)
    expect(await readFile(PUBLISHED, 'utf8')).toBe(generated)
  })

  it('states the limits a writer must keep: strict objects, id pattern, list caps, the format and version', () => {
    const schema = dealFileJsonSchema() as { properties: Record<string, { const?: unknown; properties?: Record<string, { maxItems?: number; pattern?: string }> }>; additionalProperties?: boolean }
    expect(schema.properties.format.const).toBe('deal-war-room.deal')
    expect(schema.properties.version.const).toBe(DEAL_VERSION)
    expect(schema.additionalProperties).toBe(false)
    expect(schema.properties.deal.properties?.stakeholders.maxItems).toBe(20_000)
    expect(schema.properties.deal.properties?.id.pattern).toBe('^[A-Za-z0-9_-]+$')
  })

  it('the sample deal, exported, is a file the app imports', () => {
    const { deal, roster } = sampleWorkspace('2026-03-12')
    expect(parseDealFile(JSON.stringify(toDealFile(deal, roster))).ok).toBe(true)
  })
})
