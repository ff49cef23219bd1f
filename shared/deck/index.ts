export { buildDeck, type BuildDeckProgress } from './build-deck'
export { SLIDE_IDS, type DeckAnalysis, type DeckFinding, type DeckInput, type SlideId } from './types'
