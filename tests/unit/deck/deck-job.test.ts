import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { analyzeDeal } from '@shared/analysis'
import { SLIDE_IDS } from '@shared/deck'
import { sampleWorkspace } from '@shared/sample-deal'
import { runDeckJob, type DeckJobMessage } from '../../../renderer/export/deck-job'
import { TODAY } from './deck-helpers'

/** Run the deck worker's job with the real builder and collect what it posts. */
async function postsOf(slides: readonly string[]): Promise<{ message: DeckJobMessage; transfer: Transferable[] }[]> {
  const { deal, roster } = sampleWorkspace(TODAY)
  const posts: { message: DeckJobMessage; transfer: Transferable[] }[] = []
  const input = { deal, roster, analysis: analyzeDeal({ deal, roster, openDeals: [], settings: {}, today: TODAY }), language: 'en' as const, today: TODAY, slides: slides as typeof SLIDE_IDS[number][] }
  await runDeckJob({ input }, (message, transfer = []) => void posts.push({ message, transfer }))
  return posts
}

describe('the deck worker job', () => {
  it('says building, then packing, then hands over the whole deck as one transferable buffer', async () => {
    const posts = await postsOf(SLIDE_IDS)
    expect(posts.map((p) => (p.message.kind === 'stage' ? p.message.stage : p.message.kind))).toEqual(['building', 'packing', 'done'])
    const done = posts[2]
    if (done.message.kind !== 'done') throw new Error('no deck')
    expect(done.transfer).toEqual([done.message.bytes])
    const zip = await JSZip.loadAsync(done.message.bytes)
    expect(Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length).toBeGreaterThanOrEqual(5)
  })

  it('posts a failure with the reason instead of throwing', async () => {
    const posts: DeckJobMessage[] = []
    await runDeckJob({ input: { deal: null } as never }, (message) => void posts.push(message))
    expect(posts.at(-1)).toEqual({ kind: 'failed', message: expect.any(String) })
    expect(posts.some((m) => m.kind === 'done')).toBe(false)
  })
})
