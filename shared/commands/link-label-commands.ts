import { cleanText, LIMITS } from '../model'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * One line of text, trimmed and cut to the limit. The file's schema counts UTF-16 code units
 * (as every JSON reader does), so the cut counts them too, and it falls between whole
 * characters as the reader sees them: 40 emoji become 20, never 40 that the file refuses,
 * and a flag or a family emoji is never split into a stray half.
 */
export function cleanLinkLabel(text: string): string {
  const clean = cleanText(text).trim()
  if (clean.length <= LIMITS.linkLabel) return clean
  let cut = ''
  for (const { segment } of graphemes.segment(clean)) {
    if (cut.length + segment.length > LIMITS.linkLabel) break
    cut += segment
  }
  return cut.trim()
}

/** A few words on a line ("golf partner"); an empty label removes it. */
export const setLinkLabel: CommandDefinition<CommandOf<'set-link-label'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    const label = cleanLinkLabel(cmd.label)
    return label === cmd.label ? cmd : { ...cmd, label }
  },
  apply(deal, cmd) {
    const index = deal.links.findIndex((l) => l.id === cmd.id)
    if (index < 0) throw new CommandError('unknown-line', 'This line is no longer on the map')
    const old = deal.links[index]
    if ((old.label ?? '') === cmd.label) return deal
    const { label: _dropped, ...rest } = old
    const links = deal.links.slice()
    links[index] = cmd.label ? { ...rest, label: cmd.label } : rest
    return { ...deal, links }
  },
}
