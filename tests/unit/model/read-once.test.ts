import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DealValidator, parseDealFile } from '@shared/model'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { hostileDealFileText } from '../../fixtures/hostile-deal'

const FIXTURES = join(import.meta.dirname, '../../fixtures')
const text = (path: string) => readFileSync(join(FIXTURES, path), 'utf8')
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/**
 * Main's validator reads a deal file checking each part once (docs/performance.md, "Open,
 * part 2"), where the schema's bounded pass and then its full parse checked every person
 * twice. It must accept and refuse exactly what the schema does, with the schema's messages.
 */
describe('reading a deal file through main\'s validator', () => {
  const files: Record<string, string> = {
    'a generated deal of 300 people': json(generateDeal({ stakeholders: 300, links: 600, seed: 7 })),
    'a format 1 file (migrated)': text('formats/deal-v1.warroom.json'),
    'a format 2 file (migrated)': text('formats/deal-v2.warroom.json'),
    'a valid shared file': text('files/valid-deal.warroom.json'),
    'a file with bad values': text('files/bad-values.warroom.json'),
    'a broken file': text('files/broken-deal.warroom.json'),
    'a truncated file': text('files/truncated.warroom.json'),
    'a newer version': text('files/newer-version.warroom.json'),
    'a hostile file of empty people': hostileDealFileText(2 * 1024 * 1024),
  }
  for (const [what, input] of Object.entries(files)) {
    it(`gives what parseDealFile gives: ${what}`, () => {
      expect(new DealValidator().parseFileText(input)).toEqual(parseDealFile(input))
    })
  }

  it('refuses a line to nobody and a seller missing from the roster, as the schema does', () => {
    const file = generateDeal({ stakeholders: 20, links: 30, seed: 3 })
    const dangling = json({ ...file, deal: { ...file.deal, links: [...file.deal.links, { id: 'x', from: file.deal.stakeholders[0].id, to: 'nobody', kind: 'ally' }] } })
    const noRoster = json({ ...file, roster: [] })
    for (const input of [dangling, noRoster]) {
      const read = new DealValidator().parseFileText(input)
      expect(read.ok).toBe(false)
      expect(read).toEqual(parseDealFile(input))
    }
  })
})
