import { wordSimilarity } from './revisionKeys'

/**
 * Which of the shots a revised script no longer has where they were are the new shots it has
 * elsewhere: the writer moved them (to another scene, or further along their own). A shot with
 * the same words is paired first, then one alike enough; each in the script's order.
 */

/** A shot as matching reads it: its words, and them joined (empty: nothing to match by). */
export interface MatchWords {
  readonly words: readonly string[]
  readonly key: string
}

/**
 * Largest count of similarity comparisons (left-over missing × new shots); past it only shots
 * with the same words are paired, so a script rewritten from end to end costs what it has.
 */
const MAX_MOVE_PAIRS = 250_000

/**
 * Pairs `added` (in the script's order) with `missing` (the board's): the index of the missing
 * shot each paired new shot is, by new shot's index. Each missing shot is paired once, with
 * the first new shot of the same words, else with the most alike at `threshold` or more.
 */
export function pairMovedShots(missing: readonly MatchWords[], added: readonly MatchWords[], threshold: number): Map<number, number> {
  const pairs = new Map<number, number>()
  const used = new Set<number>()
  const byKey = new Map<string, number[]>()
  missing.forEach((shot, i) => {
    if (shot.key !== '') (byKey.get(shot.key) ?? byKey.set(shot.key, []).get(shot.key)!).push(i)
  })
  const cursor = new Map<string, number>()
  added.forEach((shot, j) => {
    const same = byKey.get(shot.key)
    const at = cursor.get(shot.key) ?? 0
    if (!same || at >= same.length) return
    cursor.set(shot.key, at + 1)
    pairs.set(j, same[at]!)
    used.add(same[at]!)
  })
  const leftMissing = missing.flatMap((shot, i) => (used.has(i) || shot.key === '' ? [] : [i]))
  const leftAdded = added.flatMap((shot, j) => (pairs.has(j) || shot.key === '' ? [] : [j]))
  if (leftMissing.length * leftAdded.length > MAX_MOVE_PAIRS) return pairs
  for (const j of leftAdded) {
    let best = -1
    let bestScore = threshold
    for (const i of leftMissing) {
      if (used.has(i)) continue
      const score = wordSimilarity(missing[i]!.words, added[j]!.words)
      if (score > bestScore || (best === -1 && score >= bestScore)) {
        best = i
        bestScore = score
      }
    }
    if (best === -1) continue
    pairs.set(j, best)
    used.add(best)
  }
  return pairs
}
