import type { NumberingStyle } from './boardSettingsRecord'
import type { Sequence } from './sequence'

/**
 * Shot numbers as storyboard people write them: scene 3, shot 2 is `3.2` in the decimal
 * style and `3B` in the letter style. Numbers follow the reading order, so they change when
 * shots are reordered; ids, not numbers, identify shots.
 *
 * Shots in no scene. On a board without scenes they are simply `1`, `2`, `3`. Once the board
 * has a scene (any, even one with no shots yet), they are numbered under scene 0, which no
 * scene ever is (scenes count from 1): `0.1`, `0.2` in the decimal style, `0A`, `0B` in the
 * letter style, and the "No scene" heading in the strip and Present's grid carries the `0`.
 * Plain `1`, `2` next to `1.1` and `3B` was ambiguous on a call ("shot 1": scene 1, or the
 * first shot in no scene?). Scene 0 is
 * - unambiguous in both styles: no scene shot starts with 0 and no number is a bare scene number;
 * - speakable: "zero point two", "zero B", in the same grammar as every other number;
 * - stable: it does not depend on how many scenes there are (numbering them as the scene after
 *   the last would hand their numbers to the next scene someone adds);
 * - short: no prefix word or letter to learn. A letter prefix (`X1`, `U1`) was rejected: it is
 *   arbitrary, and screenplays already write `A1` for a scene put in before scene 1.
 * Shot plans carry no numbers (they are worked out from the order keys on import); the CSV
 * shot list writes them as the board shows them, with an empty scene column.
 */

/** The scene number that shots in no scene are numbered under on a board that has scenes. */
export const NO_SCENE_NUMBER = 0


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
 * A shot's number label from its scene's number and its own. `null` (a shot on a board without
 * scenes) gives the plain number, `1`, `2`, … in either style: letters only read as shots after
 * a scene number. Shots in no scene on a board with scenes come with {@link NO_SCENE_NUMBER}.
 */
export function formatShotNumber(sceneNumber: number | null, shotNumber: number, style: NumberingStyle): string {
  if (sceneNumber === null) return String(shotNumber)
  return style === 'letter' ? `${sceneNumber}${shotLetters(shotNumber)}` : `${sceneNumber}.${shotNumber}`
}

/**
 * The scene number a board numbers its shots in no scene under: {@link NO_SCENE_NUMBER} once it
 * has scenes, else null (plain numbers).
 */
export function noSceneNumber(sequence: Pick<Sequence, 'scenes'>): number | null {
  return sequence.scenes.length > 0 ? NO_SCENE_NUMBER : null
}

/** Every shot's number label, by shot id. */
export function shotNumbers(sequence: Sequence, style: NumberingStyle): Map<string, string> {
  const loose = noSceneNumber(sequence)
  return new Map(sequence.entries.map((e) => [e.shot.id, formatShotNumber(e.sceneNumber ?? loose, e.shotNumber, style)]))
}

/**
 * Compares shot ids in reading order, from a {@link shotNumbers} map (which lists the shots in
 * that order); ids it lacks go last. Sort shots by this, never by their labels: as text they do
 * not sort in reading order (`0.2`, a shot in no scene, comes after `3.1`; `1.10` after `1.9`).
 */
export function byReadingOrder(numbers: ReadonlyMap<string, string>): (a: string, b: string) => number {
  const position = new Map([...numbers.keys()].map((id, i) => [id, i]))
  const at = (id: string) => position.get(id) ?? numbers.size
  return (a, b) => at(a) - at(b)
}
