import type { Contact, Deal, Seller, Stakeholder } from '../model'
import type { AnalysisView, Change, FindingView } from './types'

export interface DiffOptions {
  /** The date relationship scores are computed as of (YYYY-MM-DD). */
  today: string
  /**
   * Analysis of one version of the deal. When given, relationship score deltas and findings
   * resolved or new are part of the diff; without it only recorded facts are compared.
   */
  analyze?: (deal: Deal, roster: readonly Seller[], today: string) => AnalysisView
}

/**
 * What changed between two versions of a deal, in the order a reviewer reads it: the deal
 * itself, people added and removed, what changed about each person, lines, the team, and
 * finally findings resolved and new.
 */
export function diffDeals(before: Deal, after: Deal, roster: readonly Seller[], options: DiffOptions): Change[] {
  const sellerName = nameResolver(roster)
  const changes: Change[] = [...dealChanges(before, after)]

  const beforeById = new Map(before.stakeholders.map((s) => [s.id, s]))
  const afterById = new Map(after.stakeholders.map((s) => [s.id, s]))
  const personName = (id: string): string => { const s = afterById.get(id) ?? beforeById.get(id); return s ? nameOf(s) : id }

  for (const s of after.stakeholders) {
    if (!beforeById.has(s.id)) changes.push(about(s, 'stakeholder-added', {}))
  }
  for (const s of before.stakeholders) {
    if (!afterById.has(s.id)) changes.push(about(s, 'stakeholder-removed', {}))
  }
  const analyses = options.analyze
    ? { before: options.analyze(before, roster, options.today), after: options.analyze(after, roster, options.today) }
    : undefined
  for (const s of after.stakeholders) {
    const old = beforeById.get(s.id)
    if (old) changes.push(...personChanges(old, s, sellerName, analyses))
  }
  changes.push(...lineChanges(before, after, personName))
  changes.push(...seatChanges(before, after, sellerName))
  if (analyses) changes.push(...findingChanges(analyses.before.findings, analyses.after.findings, personName, sellerName))
  return changes
}

function nameResolver(roster: readonly Seller[]): (id: string) => string {
  const byId = new Map(roster.map((s) => [s.id, s.name]))
  return (id) => byId.get(id) ?? id
}

function about<K extends Change['kind']>(s: Stakeholder, kind: K, params: object, sellerIds: string[] = []): Change {
  return { kind, stakeholderIds: [s.id], sellerIds, params: { name: nameOf(s), ...params } } as Change
}

/**
 * A person's name in a change; a placeholder seat, which has none yet, is named by its title
 * ("COO was added", "COO is now called Omar Reyes"). Empty when it has neither: the
 * sentence then says "not yet identified" in the reader's language.
 */
function nameOf(s: Stakeholder): string {
  return s.name.trim() || (s.placeholder ? s.title.trim() : '')
}

function dealChanges(before: Deal, after: Deal): Change[] {
  const changes: Change[] = []
  if (before.stage !== after.stage) {
    changes.push({ kind: 'stage-changed', stakeholderIds: [], sellerIds: [], params: { from: before.stage, to: after.stage } })
  }
  if (before.amount.value !== after.amount.value || before.amount.currency !== after.amount.currency) {
    changes.push({
      kind: 'amount-changed', stakeholderIds: [], sellerIds: [],
      params: { from: before.amount.value, to: after.amount.value, currency: after.amount.currency },
    })
  }
  if (before.closeDate !== after.closeDate) {
    changes.push({ kind: 'close-date-changed', stakeholderIds: [], sellerIds: [], params: { from: before.closeDate, to: after.closeDate } })
  }
  return changes
}

function personChanges(
  old: Stakeholder,
  now: Stakeholder,
  sellerName: (id: string) => string,
  analyses: { before: AnalysisView; after: AnalysisView } | undefined,
): Change[] {
  const changes: Change[] = []
  // A rename is the kind of change a review asks about ("who is Lee now?"), so it is listed too.
  if (old.name.trim() !== now.name.trim()) changes.push(about(now, 'renamed', { from: nameOf(old) }))
  if (old.title.trim() !== now.title.trim()) changes.push(about(now, 'title-changed', { from: old.title.trim(), to: now.title.trim() }))
  if (old.stance !== now.stance) changes.push(about(now, 'stance-changed', { from: old.stance, to: now.stance }))
  if (old.buyingRole !== now.buyingRole) changes.push(about(now, 'buying-role-changed', { from: old.buyingRole, to: now.buyingRole }))
  if (old.influence !== now.influence) changes.push(about(now, 'influence-changed', { from: old.influence, to: now.influence }))
  if (old.innerCircle !== now.innerCircle) changes.push(about(now, 'inner-circle-changed', { to: now.innerCircle }))
  if (old.department.trim() !== now.department.trim()) {
    changes.push(about(now, 'department-changed', { from: old.department.trim(), to: now.department.trim() }))
  }
  for (const id of now.ownerIds) {
    if (!old.ownerIds.includes(id)) changes.push(about(now, 'owner-added', { seller: sellerName(id) }, [id]))
  }
  for (const id of old.ownerIds) {
    if (!now.ownerIds.includes(id)) changes.push(about(now, 'owner-removed', { seller: sellerName(id) }, [id]))
  }
  const logged = newContacts(old.contacts, now.contacts)
  if (logged.length > 0) {
    const sellers = [...new Set(logged.map((c) => c.sellerId))]
    changes.push(about(now, 'contacts-logged', { count: logged.length }, sellers))
  }
  const was = analyses?.before.relationships[now.id]
  const is = analyses?.after.relationships[now.id]
  if (was && is) {
    const from = Math.round(was.strength)
    const to = Math.round(is.strength)
    if (from !== to || was.band !== is.band) {
      changes.push(about(now, 'relationship-changed', { from, to, fromBand: was.band, toBand: is.band }))
    }
  }
  return changes
}

/** Contacts in `now` that were not in `old`, counting identical entries as a multiset. */
function newContacts(old: readonly Contact[], now: readonly Contact[]): Contact[] {
  const key = (c: Contact): string => `${c.date}|${c.channel}|${c.sellerId}|${c.note}`
  const remaining = new Map<string, number>()
  for (const c of old) remaining.set(key(c), (remaining.get(key(c)) ?? 0) + 1)
  return now.filter((c) => {
    const left = remaining.get(key(c)) ?? 0
    if (left > 0) {
      remaining.set(key(c), left - 1)
      return false
    }
    return true
  })
}

function lineChanges(before: Deal, after: Deal, personName: (id: string) => string): Change[] {
  const key = (l: Deal['links'][number]): string => `${l.kind}:${l.from}>${l.to}`
  const beforeKeys = new Set(before.links.map(key))
  const afterKeys = new Set(after.links.map(key))
  const line = (kind: 'line-added' | 'line-removed', l: Deal['links'][number]): Change => ({
    kind, stakeholderIds: [l.from, l.to], sellerIds: [],
    params: { from: personName(l.from), to: personName(l.to), lineKind: l.kind },
  })
  return [
    ...after.links.filter((l) => !beforeKeys.has(key(l))).map((l) => line('line-added', l)),
    ...before.links.filter((l) => !afterKeys.has(key(l))).map((l) => line('line-removed', l)),
  ]
}

function seatChanges(before: Deal, after: Deal, sellerName: (id: string) => string): Change[] {
  const key = (t: Deal['team'][number]): string => `${t.seat}:${t.sellerId}`
  const beforeSeats = new Map(before.team.map((t) => [key(t), t]))
  const afterSeats = new Map(after.team.map((t) => [key(t), t]))
  const changes: Change[] = []
  for (const t of after.team) {
    const was = beforeSeats.get(key(t))
    const params = { seller: sellerName(t.sellerId), seat: t.seat }
    if (!was) changes.push({ kind: 'seat-added', stakeholderIds: [], sellerIds: [t.sellerId], params })
    else if (was.lead !== t.lead) changes.push({ kind: 'seat-lead-changed', stakeholderIds: [], sellerIds: [t.sellerId], params: { ...params, lead: t.lead } })
  }
  for (const t of before.team) {
    if (!afterSeats.has(key(t))) {
      changes.push({ kind: 'seat-removed', stakeholderIds: [], sellerIds: [t.sellerId], params: { seller: sellerName(t.sellerId), seat: t.seat } })
    }
  }
  return changes
}

/** A finding is "the same" in both versions when its code and the ids it names match. */
export function findingKey(f: FindingView): string {
  const ids = (xs?: string[]): string => [...(xs ?? [])].sort().join(',')
  return `${f.code}|${ids(f.stakeholderIds)}|${ids(f.sellerIds)}|${f.role ?? ''}|${f.department ?? ''}`
}

function findingChanges(
  before: readonly FindingView[],
  after: readonly FindingView[],
  personName: (id: string) => string,
  sellerName: (id: string) => string,
): Change[] {
  const beforeKeys = new Set(before.map(findingKey))
  const afterKeys = new Set(after.map(findingKey))
  const toChange = (kind: 'finding-new' | 'finding-resolved', f: FindingView): Change => ({
    kind,
    stakeholderIds: f.stakeholderIds ?? [],
    sellerIds: f.sellerIds ?? [],
    params: {
      code: f.code,
      severity: f.severity,
      people: [
        ...(f.stakeholderIds ?? []).map(personName),
        ...(f.sellerIds ?? []).map(sellerName),
        ...(f.department ? [f.department] : []),
      ],
      ...(f.role ? { role: f.role } : {}),
      ...(f.message ? { message: f.message } : {}),
    },
  })
  return [
    ...before.filter((f) => !afterKeys.has(findingKey(f))).map((f) => toChange('finding-resolved', f)),
    ...after.filter((f) => !beforeKeys.has(findingKey(f))).map((f) => toChange('finding-new', f)),
  ]
}
