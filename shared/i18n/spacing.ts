/**
 * Pieces of a sentence put together the way the catalog writes numbers in Chinese: a space
 * between a Han character and a number ("3 个严重和 5 个警告", as "{{count}} 个" is written in
 * shared/i18n/zh-CN), none elsewhere, so a list joined with "和" reads like the catalog's own
 * sentences. English pieces carry their own spaces and are left as they are.
 */
const HAN = /\p{Script=Han}/u
const DIGIT = /[0-9]/

export function joinSpaced(pieces: readonly string[]): string {
  let out = ''
  for (const piece of pieces) {
    if (out && piece) {
      const last = out[out.length - 1]
      const first = piece[0]
      if ((HAN.test(last) && DIGIT.test(first)) || (DIGIT.test(last) && HAN.test(first))) out += ' '
    }
    out += piece
  }
  return out
}
