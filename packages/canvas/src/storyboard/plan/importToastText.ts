/** Words the import toasts share (shot plan, screenplay, frames). */

/** Problems (or refused files) a toast lists; the rest are counted. */
const LISTED = 4

/** Said after every import that changed the board. */
export const UNDO_NOTE = 'Undo takes the whole import back.'

/** "1 shot", "3 shots". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * The first few of `lines`, one a line (each but the last ending in `end`, for a toast that runs
 * lines together), and how many more there are ("…and 2 more files").
 */
export function listedLines(lines: readonly string[], word: string, end = ''): string {
  const listed = lines.slice(0, LISTED)
  const more = lines.length - listed.length
  return [...listed, ...(more > 0 ? [`…and ${plural(more, `more ${word}`)}`] : [])].join(`${end}\n`)
}
