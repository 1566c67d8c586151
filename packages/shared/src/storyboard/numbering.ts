import type { NumberingStyle } from './boardSettingsRecord'
import type { Sequence } from './sequence'

/**
 * Shot numbers as storyboard people write them: scene 3, shot 2 is `3.2` in the decimal
 * style and `3B` in the letter style. Numbers follow the reading order, so they change when
 * shots are reordered; ids, not numbers, identify shots.
 */


/**
 * The letters for a 1-based shot number: 1 → A, 26 → Z, 27 → AA, 28 → AB, 702 → ZZ, 703 → AAA
 * (like spreadsheet columns).
 */
export function shotLetters(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Shot numbers start at 1, got ${n}`)
  let letters = ''
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  }
  return letters
}

/**
 * A shot's number label from its scene's number and its own. A shot in no scene (a board
 * before anyone has made scenes) is just numbered, `1`, `2`, … in either style: letters only
 * read as shots after a scene number.
 */
export function formatShotNumber(sceneNumber: number | null, shotNumber: number, style: NumberingStyle): string {
  if (sceneNumber === null) return String(shotNumber)
  return style === 'letter' ? `${sceneNumber}${shotLetters(shotNumber)}` : `${sceneNumber}.${shotNumber}`
}

/** Every shot's number label, by shot id. */
export function shotNumbers(sequence: Sequence, style: NumberingStyle): Map<string, string> {
  return new Map(sequence.entries.map((e) => [e.shot.id, formatShotNumber(e.sceneNumber, e.shotNumber, style)]))
}
