/**
 * Text that goes into XML (deck parts, slide XML we write ourselves, the map's SVG). XML 1.0
 * cannot hold U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF or a lone
 * surrogate, not even escaped as `&#7;`: one such character makes the whole part unreadable,
 * and PowerPoint then offers to "repair" the deck by dropping slides.
 */

/** Every character XML 1.0 forbids, including surrogates that are not half of a pair. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const FORBIDDEN_TEST = new RegExp(XML_FORBIDDEN.source)

/** The text without the characters XML cannot hold; everything else is kept as it is. */
export function xmlSafe(text: string): string {
  // Most text is clean: test first so the common case allocates nothing.
  return FORBIDDEN_TEST.test(text) ? text.replace(XML_FORBIDDEN, '') : text
}

// U+0085 and U+2028 are written as references: an XML 1.1 reader (and xmldom) takes them, written
// as they are, for line ends and reads back a newline; a reference keeps the character for any reader.
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\u0085': '&#x85;', '\u2028': '&#x2028;' }

/** The text as XML character data or an attribute value (either quote): safe and escaped. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\u0085\u2028]/g, (c) => ENTITY[c])
}

/** Every string in a JSON-like value made XML-safe; objects and arrays are copied only where something changed. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T
  if (Array.isArray(value)) {
    let changed = false
    const out = value.map((item) => {
      const safe = xmlSafeDeep(item)
      if (safe !== item) changed = true
      return safe
    })
    return (changed ? out : value) as T
  }
  if (isPlainObject(value)) {
    let out: Record<string, unknown> | undefined
    for (const [key, item] of Object.entries(value)) {
      const safe = xmlSafeDeep(item)
      if (safe !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = safe
    }
    return (out ?? value) as T
  }
  return value
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
