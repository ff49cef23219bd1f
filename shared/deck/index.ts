export { buildDeck } from './build-deck'
export { SLIDE_IDS, type DeckInput, type SlideId } from './types'
