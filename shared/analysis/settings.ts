import { DEFAULT_SETTINGS, type Settings } from '../model'

/** The workspace settings the analysis reads; any missing one takes its default. */
export type AnalysisSettings = Partial<Pick<Settings, 'maxOpenDealsPerSeller' | 'cadenceDays'>>

export function resolveSettings(settings?: AnalysisSettings): Pick<Settings, 'maxOpenDealsPerSeller' | 'cadenceDays'> {
  return {
    maxOpenDealsPerSeller: settings?.maxOpenDealsPerSeller ?? DEFAULT_SETTINGS.maxOpenDealsPerSeller,
    cadenceDays: settings?.cadenceDays ?? DEFAULT_SETTINGS.cadenceDays,
  }
}
