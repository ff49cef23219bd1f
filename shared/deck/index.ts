export { buildDeck, buildDeckWithReport, type BuildDeckProgress, type BuiltDeckReport } from './build-deck'
export { SLIDE_IDS, type DeckAnalysis, type DeckFinding, type DeckInput, type SkippedSlide, type SlideId } from './types'
