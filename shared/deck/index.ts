export { buildDeck, buildDeckWithReport } from './build-deck'
export { SLIDE_IDS, type DeckAccount, type DeckInput, type SkippedSlide, type SlideId } from './types'
