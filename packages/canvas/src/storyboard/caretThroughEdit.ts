/**
 * Where a caret at `position` in `before` belongs once the text has become `after` through
 * someone else's edit. The edit is taken as one replaced stretch (the longest common start and
 * end kept): a caret before it stays, one after it moves by the change in length, one inside it
 * goes to the end of the new text there. Where repeated characters make the stretch ambiguous,
 * the caret stays on the side of the change it was on as far as the text can tell.
 */
export function caretThroughEdit(before: string, after: string, position: number): number {
  const shorter = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  if (position <= prefix) return position
  if (position >= before.length - suffix) return position + after.length - before.length
  return after.length - suffix
}
