import { spliceBetween } from '../sync/textSplice'

/**
 * Where a caret at `position` in `before` belongs once the text has become `after` through
 * someone else's edit (taken as one replaced stretch, see {@link spliceBetween}): a caret before
 * the stretch stays, one after it moves by the change in length, one inside it goes to the end
 * of the new text there.
 */
export function caretThroughEdit(before: string, after: string, position: number): number {
  const { from, to, text } = spliceBetween(before, after)
  if (position <= from) return position
  if (position >= to) return position + after.length - before.length
  return from + text.length
}
