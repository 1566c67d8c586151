import diff from 'fast-diff'
import { spliceBetween } from '../sync/textSplice'

/**
 * Where a caret at `position` in `before` belongs once the text has become `after` through
 * someone else's edits. The change is split into the stretches that differ (a character diff,
 * cleaned up to whole-word changes as people make them), so two edits that arrive together —
 * one before the caret, one after it — move it by the first one only. Against each stretch, a
 * caret before it (or at its start) stays, one after it moves by the change in length, and one
 * inside a replaced stretch goes to the end of the new text there.
 *
 * Text the other person inserted at the caret goes before it when `othersFirst` (their text goes
 * first where both type at one place, as the merge orders it: see `othersTypeFirst`), after it
 * otherwise — also when repeated characters leave it open whether the insert was at the caret
 * (both typed a space at one place: each caret stays after its own space).
 */
export function caretThroughEdit(before: string, after: string, position: number, othersFirst = false): number {
  // In the text both share at the start or the end the caret keeps its place, whatever the
  // cleanup would make of repeated characters there.
  const { from: firstChange, to: lastChange } = spliceBetween(before, after)
  if (othersFirst && firstChange === lastChange && position <= firstChange && position >= earliestInsert(before, after)) {
    return position + after.length - before.length
  }
  if (position <= firstChange) return position
  if (position >= lastChange) return position + after.length - before.length
  let old = 0 // where the walk is in `before`
  let shift = 0 // how far the text up to there has moved
  let inserted = 0 // length of the stretch being replaced, in `after`
  let from = -1 // start of that stretch in `before`, -1 between stretches
  // Ends the stretch being walked, which the caret is past the start of (it would have been
  // placed already otherwise): the caret's place if it is inside, else the shift grows.
  const endStretch = (): number | undefined => {
    if (from < 0) return undefined
    if (position < old) return from + shift + inserted
    shift += inserted - (old - from)
    from = -1
    inserted = 0
    return undefined
  }
  for (const [op, text] of diff(before, after, undefined, true)) {
    if (op === diff.EQUAL) {
      const inside = endStretch()
      if (inside !== undefined) return inside
      if (position <= old + text.length) return position + shift
      old += text.length
      continue
    }
    if (from < 0) {
      if (position <= old) return position + shift
      from = old
    }
    if (op === diff.DELETE) old += text.length
    else inserted += text.length
  }
  return endStretch() ?? position + shift
}

/**
 * For `after` made of `before` with one text inserted: the first place it could have been
 * inserted at (before the run of repeated characters it may sit in), the last being where
 * `spliceBetween` puts it.
 */
function earliestInsert(before: string, after: string): number {
  let suffix = 0
  while (suffix < before.length && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  return before.length - suffix
}
