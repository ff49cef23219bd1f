// Size caps keep a hostile or broken file from exhausting memory or the UI.
export const LIMITS = {
  idLength: 64,
  shortText: 200,
  longText: 10_000,
  stakeholders: 20_000,
  links: 60_000,
  team: 100,
  roster: 5_000,
  contactsPerStakeholder: 2_000,
  actionsPerStakeholder: 200,
  relationshipsPerStakeholder: 50,
  competitors: 50,
  /** A line's label is a few words ("golf partner"), drawn on the map beside the line. */
  linkLabel: 40,
  /**
   * Largest stored file (a deal file, workspace.json) in UTF-8 bytes: the cap on reading and
   * on writing alike, so the app never saves what it would refuse to open.
   */
  fileBytes: 50 * 1024 * 1024,
} as const
