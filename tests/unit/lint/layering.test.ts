import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: root })

/** The rule ids the linter reports for this source, as if it were the file at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) })
  return result.messages.map((m) => m.ruleId ?? m.message)
}

describe('the layering the linter keeps', () => {
  it('a feature reaching into another feature\'s internals fails; through its index.ts it passes', async () => {
    expect(await problems('renderer/team/Probe.ts', "import { tidyLayout } from '../map/map-operations'\nexport const x = tidyLayout\n"))
      .toContain('layering/feature-boundaries')
    expect(await problems('renderer/map/inspector/Probe.ts', "import { useDealAnalysis } from '../../team/use-team-coverage'\nexport const x = useDealAnalysis\n"))
      .toContain('layering/feature-boundaries')
    expect(await problems('renderer/team/Probe.ts', "import { tidyLayout } from '../map'\nexport const x = tidyLayout\n")).toEqual([])
  })

  it('shared pieces (renderer/ui, renderer/state) are open to every feature', async () => {
    expect(await problems('renderer/team/Probe.ts', "import { Modal } from '../ui/Modal'\nimport { today } from '../state/today'\nexport const x = [Modal, today]\n")).toEqual([])
  })

  it('the page never imports main, main never imports the page, shared imports neither', async () => {
    expect(await problems('renderer/map/Probe.ts', "import { openStores } from '../../electron/main/store'\nexport const x = openStores\n")).toContain('no-restricted-imports')
    expect(await problems('electron/main/Probe.ts', "import { StakeholderMap } from '../../renderer/map'\nexport const x = StakeholderMap\n")).toContain('no-restricted-imports')
    expect(await problems('shared/Probe.ts', "import { readFile } from 'node:fs'\nexport const x = readFile\n")).toContain('no-restricted-imports')
  })
})
