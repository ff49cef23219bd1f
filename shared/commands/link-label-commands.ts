import { cleanText, LIMITS } from '../model'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

/** One line of text, trimmed and cut to the limit (by characters, so no emoji is split). */
export function cleanLinkLabel(text: string): string {
  return Array.from(cleanText(text).trim()).slice(0, LIMITS.linkLabel).join('').trim()
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
