import { cleanStakeholderText, LIMITS, type Link, type LinkKind } from '../model'
import { checkName, checkRoom } from './checks'
import { cleanLinkLabel } from './link-label-commands'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

/** Ally and conflict are mutual: A–B and B–A are the same line. */
export const SYMMETRIC_KINDS: readonly LinkKind[] = ['ally', 'conflict']

export function sameLine(a: Pick<Link, 'from' | 'to' | 'kind'>, b: Pick<Link, 'from' | 'to' | 'kind'>): boolean {
  if (a.kind !== b.kind) return false
  if (a.from === b.from && a.to === b.to) return true
  return SYMMETRIC_KINDS.includes(a.kind) && a.from === b.to && a.to === b.from
}

function checkLine(link: Pick<Link, 'from' | 'to' | 'kind'>, others: readonly Link[], known: ReadonlySet<string>, selfId?: string): void {
  if (!known.has(link.from) || !known.has(link.to)) throw new CommandError('unknown-stakeholder', 'A line must join two people on the map')
  if (link.from === link.to) throw new CommandError('self-line', 'A line cannot join a person to themselves')
  if (others.some((o) => o.id !== selfId && sameLine(o, link))) {
    throw new CommandError('duplicate-line', 'These two people are already joined by this kind of line')
  }
}

/** A line with its label cut and cleaned; an empty label is dropped; the same line when clean. */
function cleanLabelOf(link: Link): Link {
  if (link.label === undefined) return link
  const label = cleanLinkLabel(link.label)
  if (label === link.label) return link
  const { label: _old, ...rest } = link
  return label ? { ...rest, label } : rest
}

export const addStakeholders: CommandDefinition<CommandOf<'add-stakeholders'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    const stakeholders = cmd.stakeholders.map(cleanStakeholderText)
    const links = cmd.links?.map(cleanLabelOf)
    const peopleChanged = stakeholders.some((s, i) => s !== cmd.stakeholders[i])
    const linksChanged = links?.some((l, i) => l !== cmd.links?.[i]) ?? false
    if (!peopleChanged && !linksChanged) return cmd
    return { ...cmd, stakeholders, ...(links ? { links } : {}) }
  },
  apply(deal, cmd) {
    // A paste or an import past the file's caps would make a deal that no longer saves.
    if (deal.stakeholders.length + cmd.stakeholders.length > LIMITS.stakeholders) throw new CommandError('limit-reached', `The map is full (at most ${LIMITS.stakeholders} people)`)
    if (deal.links.length + (cmd.links?.length ?? 0) > LIMITS.links) throw new CommandError('limit-reached', `The line list is full (at most ${LIMITS.links})`)
    const ids = new Set(deal.stakeholders.map((s) => s.id))
    for (const s of cmd.stakeholders) {
      if (!s.placeholder) checkName(s.name)
      if (ids.has(s.id)) throw new CommandError('duplicate-id', `A stakeholder with id "${s.id}" already exists`)
      ids.add(s.id)
    }
    const links = [...deal.links]
    const linkIds = new Set(links.map((l) => l.id))
    for (const l of cmd.links ?? []) {
      if (linkIds.has(l.id)) throw new CommandError('duplicate-id', `A line with id "${l.id}" already exists`)
      checkLine(l, links, ids)
      links.push(l)
      linkIds.add(l.id)
    }
    return { ...deal, stakeholders: [...deal.stakeholders, ...cmd.stakeholders], links }
  },
}

export const removeStakeholders: CommandDefinition<CommandOf<'remove-stakeholders'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    const gone = new Set(cmd.ids)
    return {
      ...deal,
      stakeholders: deal.stakeholders.filter((s) => !gone.has(s.id)),
      links: deal.links.filter((l) => !gone.has(l.from) && !gone.has(l.to)),
    }
  },
}

/** A drag sends many moves; its caller gives them one key so the drag is one step. */
export const moveStakeholders: CommandDefinition<CommandOf<'move-stakeholders'>> = {
  undo: { capture: 'merge' },
  apply(deal, cmd) {
    const moves = new Map(cmd.moves.map((m) => [m.id, m.position]))
    let changed = false
    const stakeholders = deal.stakeholders.map((s) => {
      const p = moves.get(s.id)
      if (!p || (p.x === s.position.x && p.y === s.position.y)) return s
      changed = true
      return { ...s, position: { x: p.x, y: p.y } }
    })
    return changed ? { ...deal, stakeholders } : deal
  },
}

export const addLink: CommandDefinition<CommandOf<'add-link'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    const link = cleanLabelOf(cmd.link)
    return link === cmd.link ? cmd : { ...cmd, link }
  },
  apply(deal, cmd) {
    checkRoom(deal.links.length, LIMITS.links, 'The line list')
    if (deal.links.some((l) => l.id === cmd.link.id)) throw new CommandError('duplicate-id', `A line with id "${cmd.link.id}" already exists`)
    checkLine(cmd.link, deal.links, new Set(deal.stakeholders.map((s) => s.id)))
    return { ...deal, links: [...deal.links, cmd.link] }
  },
}

export const updateLink: CommandDefinition<CommandOf<'update-link'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    const index = deal.links.findIndex((l) => l.id === cmd.id)
    if (index < 0) throw new CommandError('unknown-line', 'This line is no longer on the map')
    const old = deal.links[index]
    const next: Link = cmd.reverse ? { ...old, from: old.to, to: old.from, kind: cmd.kind } : { ...old, kind: cmd.kind }
    checkLine(next, deal.links, new Set(deal.stakeholders.map((s) => s.id)), old.id)
    const links = deal.links.slice()
    links[index] = next
    return { ...deal, links }
  },
}

export const removeLinks: CommandDefinition<CommandOf<'remove-links'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    const gone = new Set(cmd.ids)
    return { ...deal, links: deal.links.filter((l) => !gone.has(l.id)) }
  },
}
