/**
 * The same 20 people (tests/e2e/poms/CapturePage.ts, HOSPITAL_ORG) entered on the UI of
 * commit 9af4a4d, the last before capture on the card: measured once by a scripted run
 * against a build of that commit (a detached worktree; the script drove the old UI the fastest
 * way it allowed: N for the first person, then click the manager's card and "Add direct
 * report", click the inspector's name, Ctrl+A, type, Tab to title, Tab to department when it
 * differs, Tab to leave; the legend folded first, the map fitted when a manager's card was
 * covered). The old UI cannot run from this tree, so its numbers are recorded here.
 */
export const CAPTURE_BEFORE = {
  commit: '9af4a4d',
  people: 20,
  keys: 580,
  /** Of the keys, the letters of names, titles and departments. */
  letters: 510,
  clicks: 59,
  /** Scrolling the inspector to reach "Add direct report" and back to the name field. */
  scrolls: 38,
  ms: 9135,
}
