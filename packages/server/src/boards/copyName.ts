import { BOARD_NAME_MAX_LENGTH } from '@storyloom/shared/api/boards'

/** A name's "(copy)" or "(copy 7)" ending, as {@link copyName} writes it. */
const COPY_SUFFIX = /\s*\(copy(?: (\d+))?\)$/iu

/** `stem` cut (by whole characters, trailing space dropped) so that `stem + suffix` fits a board name. */
function fitted(stem: string, suffix: string): string {
  const room = BOARD_NAME_MAX_LENGTH - suffix.length
  if (stem.length <= room) return stem + suffix
  let cut = ''
  for (const char of stem) {
    if (cut.length + char.length > room) break
    cut += char
  }
  return cut.trimEnd() + suffix
}

/**
 * The name of a copy of board `name`, as Finder and Google Drive name copies: "Pitch (copy)",
 * then "Pitch (copy 2)", "Pitch (copy 3)" … — the first one not in `taken` (compared without
 * regard to case). A copy of a copy counts on from the original's name ("Pitch (copy)" gives
 * "Pitch (copy 2)", not "Pitch (copy) (copy)"). Long names are cut to leave room for the ending.
 */
export function copyName(name: string, taken: Iterable<string>): string {
  const stem = name.replace(COPY_SUFFIX, '') || name
  const used = new Set([...taken].map((n) => n.toLowerCase()))
  for (let n = 1; ; n++) {
    const candidate = fitted(stem, n === 1 ? ' (copy)' : ` (copy ${n})`)
    if (!used.has(candidate.toLowerCase())) return candidate
  }
}
