import { cleanDealText, cleanStakeholderText, cleanText } from './model/clean-text'
import { LIMITS } from './model/limits'
import type { Deal, Link, TeamSeat } from './model/deal'
import type { LinkKind } from './model/enums'
import type { Position, Stakeholder } from './model/stakeholder'

/**
 * Every edit to a deal is a typed command applied by a pure function, so the UI, undo/redo,
 * tests and (later) the command line all change a deal the same way.
 */
export type StakeholderPatch = Partial<Omit<Stakeholder, 'id'>>
export type DealPatch = Partial<Pick<Deal, 'name' | 'customer' | 'stage' | 'amount' | 'closeDate' | 'competitors' | 'notes' | 'team'>>

export type DealCommand =
  | { type: 'add-stakeholders'; stakeholders: Stakeholder[]; links?: Link[] }
  | { type: 'update-stakeholder'; id: string; patch: StakeholderPatch }
  | { type: 'remove-stakeholders'; ids: string[] }
  | { type: 'move-stakeholders'; moves: Array<{ id: string; position: Position }> }
  | { type: 'add-link'; link: Link }
  /** Change a line's kind; `reverse` swaps its ends (who reports to / influences whom). */
  | { type: 'update-link'; id: string; kind: LinkKind; reverse?: boolean }
  | { type: 'remove-links'; ids: string[] }
  /** Put a few words on a line ("golf partner"); an empty label removes it. */
  | { type: 'set-link-label'; id: string; label: string }
  | { type: 'update-deal'; patch: DealPatch }
  | { type: 'replace-deal'; deal: Deal }

export type CommandErrorCode =
  | 'empty-name'
  | 'self-line'
  | 'duplicate-line'
  | 'unknown-stakeholder'
  | 'unknown-line'
  | 'duplicate-id'
  | 'wrong-deal'

export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CommandError'
  }
}

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

function checkName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw new CommandError('empty-name', 'A name is required')
}

/**
 * Apply one command; returns a new deal sharing every untouched object with the old one.
 * Every text a command brings (typed in the inspector, pasted, imported from a CSV) is
 * cleaned first, so what the user sees is what is saved and no edit fails on an invisible
 * control character.
 */
export function applyCommand(deal: Deal, command: DealCommand): Deal {
  const cmd = cleanCommand(command)
  switch (cmd.type) {
    case 'add-stakeholders': {
      const ids = new Set(deal.stakeholders.map((s) => s.id))
      for (const s of cmd.stakeholders) {
        checkName(s.name)
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
    }
    case 'update-stakeholder': {
      const index = deal.stakeholders.findIndex((s) => s.id === cmd.id)
      if (index < 0) throw new CommandError('unknown-stakeholder', 'This person is no longer on the map')
      checkName(cmd.patch.name)
      const stakeholders = deal.stakeholders.slice()
      stakeholders[index] = { ...stakeholders[index], ...cmd.patch, id: cmd.id }
      return { ...deal, stakeholders }
    }
    case 'remove-stakeholders': {
      const gone = new Set(cmd.ids)
      return {
        ...deal,
        stakeholders: deal.stakeholders.filter((s) => !gone.has(s.id)),
        links: deal.links.filter((l) => !gone.has(l.from) && !gone.has(l.to)),
      }
    }
    case 'move-stakeholders': {
      const moves = new Map(cmd.moves.map((m) => [m.id, m.position]))
      let changed = false
      const stakeholders = deal.stakeholders.map((s) => {
        const p = moves.get(s.id)
        if (!p || (p.x === s.position.x && p.y === s.position.y)) return s
        changed = true
        return { ...s, position: { x: p.x, y: p.y } }
      })
      return changed ? { ...deal, stakeholders } : deal
    }
    case 'add-link': {
      if (deal.links.some((l) => l.id === cmd.link.id)) throw new CommandError('duplicate-id', `A line with id "${cmd.link.id}" already exists`)
      checkLine(cmd.link, deal.links, new Set(deal.stakeholders.map((s) => s.id)))
      return { ...deal, links: [...deal.links, cmd.link] }
    }
    case 'update-link': {
      const index = deal.links.findIndex((l) => l.id === cmd.id)
      if (index < 0) throw new CommandError('unknown-line', 'This line is no longer on the map')
      const old = deal.links[index]
      const next: Link = cmd.reverse ? { ...old, from: old.to, to: old.from, kind: cmd.kind } : { ...old, kind: cmd.kind }
      checkLine(next, deal.links, new Set(deal.stakeholders.map((s) => s.id)), old.id)
      const links = deal.links.slice()
      links[index] = next
      return { ...deal, links }
    }
    case 'remove-links': {
      const gone = new Set(cmd.ids)
      return { ...deal, links: deal.links.filter((l) => !gone.has(l.id)) }
    }
    case 'set-link-label':
      return setLinkLabel(deal, cmd.id, cmd.label)
    case 'update-deal': {
      checkName(cmd.patch.name)
      return { ...deal, ...cmd.patch }
    }
    case 'replace-deal': {
      if (cmd.deal.id !== deal.id) throw new CommandError('wrong-deal', 'The replacement belongs to another deal')
      return cmd.deal
    }
  }
}

function setLinkLabel(deal: Deal, id: string, text: string): Deal {
  const index = deal.links.findIndex((l) => l.id === id)
  if (index < 0) throw new CommandError('unknown-line', 'This line is no longer on the map')
  const old = deal.links[index]
  const label = cleanLinkLabel(text)
  if ((old.label ?? '') === label) return deal
  const { label: _dropped, ...rest } = old
  const links = deal.links.slice()
  links[index] = label ? { ...rest, label } : rest
  return { ...deal, links }
}

/** One line of text, trimmed and cut to the limit (by characters, so no emoji is split). */
export function cleanLinkLabel(text: string): string {
  return Array.from(cleanText(text).trim()).slice(0, LIMITS.linkLabel).join('').trim()
}

function cleanCommand(cmd: DealCommand): DealCommand {
  switch (cmd.type) {
    case 'add-stakeholders': {
      const stakeholders = cmd.stakeholders.map(cleanStakeholderText)
      return stakeholders.some((s, i) => s !== cmd.stakeholders[i]) ? { ...cmd, stakeholders } : cmd
    }
    case 'update-stakeholder': {
      const patch = cleanStakeholderText(cmd.patch)
      return patch === cmd.patch ? cmd : { ...cmd, patch }
    }
    case 'add-link': {
      if (cmd.link.label === undefined) return cmd
      const label = cleanLinkLabel(cmd.link.label)
      const { label: _old, ...link } = cmd.link
      return { ...cmd, link: label ? { ...link, label } : link }
    }
    case 'update-deal': {
      const patch = cleanDealText(cmd.patch)
      return patch === cmd.patch ? cmd : { ...cmd, patch }
    }
    case 'replace-deal': {
      const deal = cleanDealText(cmd.deal)
      return deal === cmd.deal ? cmd : { ...cmd, deal }
    }
    default:
      return cmd
  }
}

export type { TeamSeat }
