import { describeChange } from '@shared/changes'
import type { WorkspaceForAnalysis } from '@shared/analysis'
import type { Deal, Language } from '@shared/model'
import { api, unwrap } from '../api'
import { changesBetween } from './use-changes'

/**
 * Sentences for the deck's optional "Changes since last review" slide: the newest snapshot
 * compared with the deal now. Empty when the deal has no snapshot yet.
 */
export async function changesSinceLastSnapshot(deal: Deal, workspace: WorkspaceForAnalysis, lang: Language): Promise<{ since: string; changes: string[] } | null> {
  const list = unwrap(await api.listSnapshots(deal.id))
  const latest = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  if (!latest) return null
  const snapshot = unwrap(await api.getSnapshot(deal.id, latest.id))
  return { since: latest.name, changes: changesBetween(snapshot.deal, deal, workspace).map((c) => describeChange(c, lang)) }
}
