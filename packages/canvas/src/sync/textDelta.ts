/** A Y.Text change as Yjs reports it (`YTextEvent.delta`), without formatting. */
export type TextDelta = readonly { retain?: number; delete?: number; insert?: unknown }[]

/**
 * Keeps an edit not yet written — `before` (the text as this client last had it) turned into
 * `mine` — across the change `delta` that others made to `before`: the edit, taken as one
 * replaced stretch of `before`, is placed where that stretch is after their change, after what
 * they inserted at the same place; what they deleted inside it stays deleted. Returns undefined
 * when `delta` is not a change of `before` (this client's text had drifted from the doc's).
 */
export function keepEditAcrossDelta(before: string, mine: string, delta: TextDelta, after: string): string | undefined {
  let shorter = Math.min(before.length, mine.length)
  let from = 0
  while (from < shorter && before[from] === mine[from]) from++
  shorter -= from
  let suffix = 0
  while (suffix < shorter && before[before.length - 1 - suffix] === mine[mine.length - 1 - suffix]) suffix++
  const to = before.length - suffix
  const text = mine.slice(from, mine.length - suffix)

  // Walk the delta over `before`, mapping `from` and `to` to positions in `after`.
  let oldPos = 0
  let newPos = 0
  let mappedFrom: number | undefined
  let mappedTo: number | undefined
  const passOld = (length: number, kept: boolean) => {
    // The edit's start maps after anything inserted right before it, its end before anything
    // inserted right after it: their inserts at its edges are neither deleted nor split.
    if (mappedFrom === undefined && from < oldPos + length) mappedFrom = kept ? newPos + (from - oldPos) : newPos
    if (mappedTo === undefined && to <= oldPos + length) mappedTo = kept ? newPos + (to - oldPos) : newPos
    oldPos += length
    if (kept) newPos += length
  }
  for (const op of delta) {
    if (op.retain !== undefined) passOld(op.retain, true)
    else if (op.delete !== undefined) passOld(op.delete, false)
    else if (typeof op.insert === 'string') newPos += op.insert.length
    else return undefined
  }
  if (oldPos > before.length) return undefined
  passOld(before.length - oldPos, true)
  mappedFrom ??= newPos
  mappedTo ??= newPos
  const result = after.slice(0, mappedFrom) + text + after.slice(Math.max(mappedFrom, mappedTo))
  // Check the delta really was a change of `before`: applying it must give `after`.
  return applyDelta(before, delta) === after ? result : undefined
}

function applyDelta(text: string, delta: TextDelta): string {
  let out = ''
  let pos = 0
  for (const op of delta) {
    if (op.retain !== undefined) {
      out += text.slice(pos, pos + op.retain)
      pos += op.retain
    } else if (op.delete !== undefined) pos += op.delete
    else out += op.insert as string
  }
  return out + text.slice(pos)
}
