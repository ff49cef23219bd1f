import type { Stakeholder } from '../model'
import type { Translator } from './translate'

/**
 * How a person is named wherever the map's card is not beside the name (a slide, a
 * sentence): a placeholder seat has no name yet, so it reads as its title and "not yet
 * identified", never as a blank, and two seats read as two different seats.
 */
export function personName(s: Pick<Stakeholder, 'name' | 'title' | 'placeholder'>, t: Translator): string {
  if (s.name.trim()) return s.name
  const unknown = t('map:card.placeholderName')
  const title = s.title.trim()
  return title ? `${title} (${unknown})` : unknown
}
