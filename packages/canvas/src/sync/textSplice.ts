/** One edit of a text as the stretch `[from, to)` of the old text replaced by `text`. */
export type TextSplice = { from: number; to: number; text: string }

/**
 * The edit that turns `before` into `after`, taken as one replaced stretch: the longest common
 * start and, after it, the longest common end are kept. Where repeated characters make the
 * stretch ambiguous, it is placed as late as the common start allows.
 */
export function spliceBetween(before: string, after: string): TextSplice {
  const shorter = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  return { from: prefix, to: before.length - suffix, text: after.slice(prefix, after.length - suffix) }
}
