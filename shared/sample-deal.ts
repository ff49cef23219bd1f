import type { Contact, Deal, ElementScores, Link, LinkKind, NextAction, Relationship, Seller, Stakeholder } from './model'

/**
 * The first-run sample: a regional bank replacing its core banking system. Dates are set
 * relative to `today` so the contact log, cadence and close date always read as current.
 * The team has a realistic weak spot (the support seat is held by a mid-level and a junior
 * seller, and the COO favours a rival), so the team check and insights have something to say.
 */
export function sampleWorkspace(today: string): { deal: Deal; roster: Seller[] } {
  const day = (offset: number) => addDays(today, offset)
  const roster: Seller[] = [
    { id: 'seller-anna', name: 'Anna Kowalski', kinds: ['account'], level: 'senior', email: 'anna.kowalski@example.com', region: 'North-East' },
    { id: 'seller-ben', name: 'Ben Carter', kinds: ['solution'], level: 'mid', email: 'ben.carter@example.com', notes: 'Core banking and payments specialist.' },
    { id: 'seller-chen', name: 'Chen Wei', kinds: ['project'], level: 'senior', email: 'chen.wei@example.com' },
    { id: 'seller-dana', name: 'Dana Ortiz', kinds: ['solution', 'account'], level: 'junior', email: 'dana.ortiz@example.com', notes: 'Joined this year; learning on the pursuit.' },
  ]

  const rel = (sellerId: string, e: ElementScores, since: number, valueKind?: Relationship['valueKind']): Relationship => ({
    sellerId,
    elements: e,
    knownSince: day(since),
    ...(valueKind ? { valueKind } : {}),
  })
  const contact = (offset: number, channel: Contact['channel'], sellerId: string, note: string): Contact => ({ date: day(offset), channel, sellerId, note })
  const action = (id: string, what: string, ownerId: string, dueIn: number): NextAction => ({ id, what, ownerId, due: day(dueIn), done: false })
  const person = (s: Omit<Stakeholder, 'ownerIds' | 'relationships' | 'contacts' | 'actions' | 'notes'> & Partial<Stakeholder>): Stakeholder => ({
    ownerIds: [],
    relationships: [],
    contacts: [],
    actions: [],
    notes: '',
    ...s,
  })
  // Org-chart grid for cards of about 220 × 110 px.
  const at = (column: number, row: number) => ({ x: column * 260, y: row * 180 })

  const stakeholders: Stakeholder[] = [
    person({ id: 'sh-ceo', name: 'Margaret Lin', title: 'Chief Executive Officer', department: 'Executive Office', buyingRole: 'influencer', influence: 'high', innerCircle: true, stance: 'neutral', mode: 'growth', position: at(3, 0),
      ownerIds: ['seller-chen'], relationships: [rel('seller-chen', { value: 1, goodwill: 0, dignity: 3, presence: 2, depth: 1 }, -90)],
      contacts: [contact(-50, 'meal-or-event', 'seller-chen', 'Sat together at the banking innovation dinner; she asked about time to market for new products.')],
      notes: 'Has promised the board new digital products within 18 months.' }),
    person({ id: 'sh-coo', name: 'Rahul Mehta', title: 'Chief Operating Officer', department: 'Executive Office', buyingRole: 'influencer', influence: 'high', innerCircle: true, stance: 'skeptic', favoredCompetitor: 'NorthBridge Systems', mode: 'even-keel', position: at(0, 1),
      actions: [action('act-coo-sponsor', 'Find a sponsor who can introduce us to the COO', 'seller-chen', 21)],
      notes: 'Ran the last migration with NorthBridge at his previous bank.' }),
    person({ id: 'sh-cio', name: 'Daniel Okafor', title: 'Chief Information Officer', department: 'Technology', buyingRole: 'decision-maker', influence: 'high', innerCircle: true, stance: 'supporter', mode: 'trouble', position: at(2, 1),
      ownerIds: ['seller-anna'], relationships: [rel('seller-anna', { value: 3, goodwill: 3, dignity: 4, presence: 3, depth: 3 }, -6 * 365, 'shared-experience')],
      contacts: [contact(-5, 'visit', 'seller-anna', 'Reviewed the outage report; he wants a cut-over plan with no weekend downtime.'), contact(-40, 'holiday-greeting', 'seller-anna', 'New-year card and call.')],
      notes: 'Two core outages this year; under pressure from the board.' }),
    person({ id: 'sh-cfo', name: 'Thomas Becker', title: 'Chief Financial Officer', department: 'Finance & Procurement', buyingRole: 'approver', influence: 'high', innerCircle: true, stance: 'neutral', mode: 'even-keel', position: at(4, 1),
      ownerIds: ['seller-anna'], relationships: [rel('seller-anna', { value: 1, goodwill: 1, dignity: 3, presence: 2, depth: 1 }, -240)],
      contacts: [contact(-75, 'visit', 'seller-anna', 'Introductory meeting; asked for a five-year cost comparison.')],
      actions: [action('act-cfo-case', 'Book a business-case review with the CFO', 'seller-anna', 7)] }),
    person({ id: 'sh-retail', name: 'Priya Nair', title: 'EVP Retail Banking', department: 'Retail Banking', buyingRole: 'influencer', influence: 'high', innerCircle: false, stance: 'supporter', mode: 'growth', position: at(5.5, 1),
      ownerIds: ['seller-anna'], notes: 'Wants instant account opening in the app.' }),
    person({ id: 'sh-arch', name: 'Sophie Tremblay', title: 'Chief Architect', department: 'Technology', buyingRole: 'technical-evaluator', influence: 'high', innerCircle: false, stance: 'champion', position: at(1, 2),
      ownerIds: ['seller-ben'], relationships: [rel('seller-ben', { value: 3, goodwill: 2, dignity: 3, presence: 2, depth: 3 }, -2 * 365, 'practical-help')],
      contacts: [contact(-12, 'call', 'seller-ben', 'Walked through the reference architecture; she will present it to the CIO.')] }),
    person({ id: 'sh-pmo', name: 'Kenji Watanabe', title: 'Core Banking Program Director', department: 'Technology', buyingRole: 'coach', influence: 'medium', innerCircle: false, stance: 'supporter', position: at(2, 2),
      ownerIds: ['seller-dana', 'seller-chen'], relationships: [rel('seller-dana', { value: 2, goodwill: 2, dignity: 3, presence: 1, depth: 2 }, -150)],
      contacts: [contact(-3, 'call', 'seller-dana', 'Shared the evaluation timeline and scoring sheet.')] }),
    person({ id: 'sh-infra', name: 'Aisha Rahman', title: 'Head of Infrastructure & Security', department: 'Technology', buyingRole: 'technical-evaluator', influence: 'medium', innerCircle: false, stance: 'skeptic', favoredCompetitor: 'NorthBridge Systems', position: at(3, 2),
      actions: [action('act-infra-deepdive', "Run a security deep-dive with Aisha's team", 'seller-ben', 14)],
      notes: 'Worried about data residency in the cloud.' }),
    person({ id: 'sh-proc', name: 'Elena Rossi', title: 'Procurement Director', department: 'Finance & Procurement', buyingRole: 'gatekeeper', influence: 'medium', innerCircle: false, stance: 'neutral', position: at(4, 2) }),
    person({ id: 'sh-digital', name: 'Lucas Ferreira', title: 'Head of Digital Channels', department: 'Retail Banking', buyingRole: 'user', influence: 'medium', innerCircle: false, stance: 'champion', mode: 'growth', position: at(5, 2),
      ownerIds: ['seller-chen'], relationships: [rel('seller-chen', { value: 2, goodwill: 2, dignity: 3, presence: 3, depth: 2 }, -365)],
      contacts: [contact(-20, 'meal-or-event', 'seller-chen', 'Lunch after the product demo; he offered to share app usage data.')] }),
    person({ id: 'sh-branch', name: 'Grace Mwangi', title: 'Branch Operations Manager', department: 'Retail Banking', buyingRole: 'user', influence: 'low', innerCircle: false, stance: 'opponent', position: at(6, 2),
      notes: 'Fears a repeat of the 2019 branch system roll-out.' }),
    person({ id: 'sh-vendor', name: 'Marcus Hill', title: 'Vendor Manager', department: 'Finance & Procurement', buyingRole: 'unknown', influence: 'low', innerCircle: false, stance: 'unknown', position: at(4, 3) }),
  ]

  const lines: Array<[string, string, LinkKind]> = [
    ['sh-coo', 'sh-ceo', 'reports-to'], ['sh-cio', 'sh-ceo', 'reports-to'], ['sh-cfo', 'sh-ceo', 'reports-to'], ['sh-retail', 'sh-ceo', 'reports-to'],
    ['sh-arch', 'sh-cio', 'reports-to'], ['sh-pmo', 'sh-cio', 'reports-to'], ['sh-infra', 'sh-cio', 'reports-to'],
    ['sh-proc', 'sh-cfo', 'reports-to'], ['sh-vendor', 'sh-proc', 'reports-to'],
    ['sh-digital', 'sh-retail', 'reports-to'], ['sh-branch', 'sh-retail', 'reports-to'],
    ['sh-coo', 'sh-cfo', 'influences'], ['sh-arch', 'sh-cio', 'influences'], ['sh-infra', 'sh-coo', 'influences'],
    ['sh-arch', 'sh-digital', 'ally'],
    ['sh-coo', 'sh-cio', 'conflict'],
  ]
  const links: Link[] = lines.map(([from, to, kind], i) => ({ id: `link-${i + 1}`, from, to, kind }))

  const deal: Deal = {
    id: 'sample-harbor-city-core-banking',
    name: 'Core banking modernization',
    customer: 'Harbor City Bank',
    stage: 'propose',
    amount: { value: 18_500_000, currency: 'USD' },
    closeDate: day(120),
    competitors: ['NorthBridge Systems', 'Corelytics'],
    notes: 'Replace the 25-year-old core with a cloud-ready platform in three waves; retail deposits first.',
    stakeholders,
    links,
    team: [
      { sellerId: 'seller-chen', seat: 'project', lead: true },
      { sellerId: 'seller-anna', seat: 'account', lead: false },
      { sellerId: 'seller-ben', seat: 'solution', lead: false },
      { sellerId: 'seller-dana', seat: 'solution', lead: false },
    ],
  }
  return { deal, roster }
}

/** YYYY-MM-DD plus a number of days, in UTC so time zones never shift the date. */
function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
