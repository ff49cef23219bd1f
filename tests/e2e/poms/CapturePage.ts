import type { Page } from 'playwright-core'

/** One person as the meeting names them, with whom they report to (by name; none = top). */
export interface SpokenPerson {
  name: string
  title: string
  department: string
  manager?: string
}

/** What a user did: keys pressed (a typed letter is one) and mouse clicks. */
export interface Effort {
  keys: number
  clicks: number
  /** Of the keys, the letters of names, titles and departments (the rest is getting around). */
  letters: number
}

/**
 * Typing an org chart on the cards with the keyboard only, as a meeting goes: N for the first
 * person, then for each next one Enter (a colleague), Shift+Enter (a report of the person just
 * typed) or Ctrl+Enter (one level up), Tab between name, title and department, Esc at the end.
 * `people` is in the order the room names them: each person's manager must be the previous
 * person, the previous person's manager, or someone higher up that person's chain.
 * Every key is counted, so the bench and the e2e spec report the same effort.
 */
export class CapturePage {
  readonly effort: Effort = { keys: 0, clicks: 0, letters: 0 }
  constructor(readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.effort.keys++
    await this.page.keyboard.press(key)
  }

  async type(text: string): Promise<void> {
    this.effort.keys += [...text].length
    this.effort.letters += [...text].length
    await this.page.keyboard.type(text)
  }

  /** The field on the card that has the caret, if any (name / title / department). */
  async focusedField(): Promise<string | null> {
    return this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.field ?? null)
  }

  /** Wait for the next card's name field to take the caret. */
  async waitForName(): Promise<void> {
    await this.page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.field === 'name')
  }

  async enterOrg(people: readonly SpokenPerson[], pause?: { after: number; run(): Promise<void> }): Promise<void> {
    const chain: string[] = [] // managers above the person being typed, nearest last
    for (const [i, p] of people.entries()) {
      if (i === 0) {
        await this.press('n')
      } else {
        const prev = people[i - 1]
        if (p.manager === prev.name) {
          await this.press('Shift+Enter')
          chain.push(prev.name)
        } else if (p.manager === chain[chain.length - 1]) {
          await this.press('Enter')
        } else {
          // Up the chain until the manager is this person's: each Ctrl+Enter goes one level up.
          let up = 0
          while (chain.length > 0 && chain[chain.length - 1] !== p.manager) {
            chain.pop()
            up++
          }
          if (chain[chain.length - 1] !== p.manager && p.manager !== undefined) throw new Error(`${p.name}: ${p.manager} is not above the previous person`)
          for (let k = 0; k < up; k++) {
            await this.press('Control+Enter')
            if (k < up - 1) await this.waitForName()
          }
        }
      }
      await this.waitForName()
      await this.type(p.name)
      await this.press('Tab')
      await this.type(p.title)
      const inherited = await this.page.evaluate(() => (document.querySelector('[data-field="department"]') as HTMLInputElement | null)?.value ?? '')
      if (inherited !== p.department) {
        await this.press('Tab')
        await this.type(p.department) // Tab selected the inherited department: typing replaces it
      }
      if (pause && pause.after === i) await pause.run()
    }
    await this.press('Enter') // keep the last person (an empty next card opens)
    await this.waitForName()
    await this.press('Escape') // and the empty card goes
  }
}

/**
 * A hospital group's ERP pursuit as a first meeting names its people: board, C-suite, and the
 * departments an ERP touches. Names hold n, l, d and capitals, the letters of the shortcuts.
 */
export const HOSPITAL_ORG: readonly SpokenPerson[] = [
  { name: 'Dr. Helen Marsh', title: 'CEO', department: 'Board' },
  { name: 'Nadia Lund', title: 'CFO', department: 'Finance', manager: 'Dr. Helen Marsh' },
  { name: 'Linda Noll', title: 'Head of Accounting', department: 'Finance', manager: 'Nadia Lund' },
  { name: 'Daniel Lind', title: 'Payroll Lead', department: 'Finance', manager: 'Nadia Lund' },
  { name: 'Olaf Dahl', title: 'CIO', department: 'IT', manager: 'Dr. Helen Marsh' },
  { name: 'Lena Landry', title: 'ERP Program Lead', department: 'IT', manager: 'Olaf Dahl' },
  { name: 'Noel Adler', title: 'Infrastructure Lead', department: 'IT', manager: 'Olaf Dahl' },
  { name: 'Dr. Ingrid Nolan', title: 'CMO', department: 'Medical', manager: 'Dr. Helen Marsh' },
  { name: 'Sandra Lee', title: 'CNO', department: 'Nursing', manager: 'Dr. Helen Marsh' },
  { name: 'Hilda Nordin', title: 'Procurement Director', department: 'Procurement', manager: 'Dr. Helen Marsh' },
  { name: 'Lars Dunn', title: 'Buyer', department: 'Procurement', manager: 'Hilda Nordin' },
  { name: 'Dana Ellis', title: 'COO', department: 'Operations', manager: 'Dr. Helen Marsh' },
  { name: 'Sven Lindqvist', title: 'Facilities Lead', department: 'Operations', manager: 'Dana Ellis' },
  { name: 'Nils Holland', title: 'Supply Chain Lead', department: 'Operations', manager: 'Dana Ellis' },
  { name: 'Lucia Mendel', title: 'Lab Director', department: 'Operations', manager: 'Dana Ellis' },
  { name: 'Dr. Leon Baldwin', title: 'Pathology Lead', department: 'Operations', manager: 'Lucia Mendel' },
  { name: 'Wendy Lindell', title: 'HR Director', department: 'HR', manager: 'Dr. Helen Marsh' },
  { name: 'Donald Kline', title: 'HRIS Analyst', department: 'HR', manager: 'Wendy Lindell' },
  { name: 'Leila Nadeau', title: 'General Counsel', department: 'Legal', manager: 'Dr. Helen Marsh' },
  { name: 'Lindsey Nunn', title: 'Chief of Staff', department: 'Board', manager: 'Dr. Helen Marsh' },
]

/** Five more people of the hospital, as rows of a sheet (name, title, department, manager). */
export const HOSPITAL_SHEET_ROWS: readonly (readonly string[])[] = [
  ['Fiona Dale', 'Head of Pharmacy', 'Medical', 'Dr. Ingrid Nolan'],
  ['Leif Nand', 'Radiology Lead', 'Medical', 'Dr. Ingrid Nolan'],
  ['Nora Field', 'Ward Manager', 'Nursing', 'Sandra Lee'],
  ['Dirk Lundell', 'Treasury Lead', 'Finance', 'Nadia Lund'],
  ['Alan Ford', 'Security Architect', 'IT', 'Olaf Dahl'],
]
