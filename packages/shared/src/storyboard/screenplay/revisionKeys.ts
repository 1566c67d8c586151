/**
 * What a re-imported screenplay is matched to the board by: a scene's slugline and a shot's
 * words, written the same way whatever the spelling of case, spacing, dashes and scene numbers.
 */

/** Any dash or hyphen, with the spaces around it. */
const DASH = /\s*[-‐‑‒–—―−]+\s*/gu
/** A scene number before or after a heading: "12", "12A", "#12#", "#12A.#". */
const LEADING_NUMBER = /^(?:#[^#]*#|\d+[A-Z]{0,2}\.?)\s+/u
const TRAILING_NUMBER = /\s+(?:#[^#]*#|\d+[A-Z]{0,2}\.?)$|#[^#]*#$/u

/**
 * A slugline as matching reads it: "int. kitchen – night  #12#" and "INT. KITCHEN - NIGHT" are
 * the same heading; empty (matching nothing) for a scene with none, such as one drawn by hand.
 */
export function sluglineKey(slugline: string): string {
  let key = slugline.normalize('NFKC').toUpperCase().replace(/\s+/gu, ' ').trim()
  key = key.replace(TRAILING_NUMBER, '').trim().replace(LEADING_NUMBER, '').trim()
  return key.replace(DASH, ' - ').replace(/[.:\s]+$/u, '')
}

/** The words of a text, lower case, without punctuation: how shots' texts are compared. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
}

/**
 * How much of two word lists is the same words: twice the shared words (as a multiset: a word
 * written twice counts twice; order does not count) over both lengths; 1 for the same words, 0 for none
 * shared.
 */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1
  const counts = new Map<string, number>()
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1)
  let shared = 0
  for (const word of b) {
    const left = counts.get(word) ?? 0
    if (left > 0) {
      shared++
      counts.set(word, left - 1)
    }
  }
  return (2 * shared) / (a.length + b.length)
}
