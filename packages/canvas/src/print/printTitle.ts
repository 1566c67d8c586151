import { cleanedPersonName, isolatedName } from '@storyloom/shared/api/typedName'
import type { ShotsForPrint } from './shotsFor'

/** A print page's tab title: as the tab shows it, and as it is while printing. */
export interface PrintTitle {
  readonly onScreen: string
  /** The browser's Save as PDF names the file after it. */
  readonly printed: string
}

/**
 * Whose shots one person's printed storyboard is, in words ("Shots for Ada", "Unassigned shots");
 * null for everyone's. `nameText` writes the person's name into them (set apart, or in a `<bdi>`'s place).
 */
export function whoseShotsText(whose: ShotsForPrint['whose'], nameText: (name: string) => string): string | null {
  if (whose === null) return null
  return whose.kind === 'nobody' ? 'Unassigned shots' : `Shots for ${nameText(whose.name)}`
}

/**
 * The tab's title of a print page, "<board> – <what>", or "<board> – Shots for <person>" when the
 * storyboard is one person's, so each artist's PDF is saved under its own name. On screen the
 * names are set apart so a right-to-left one keeps the words around it in their place; Chromium
 * makes the isolates "_" in the Save as PDF file name, so while printing they are plain. Either
 * way the names lose the control characters and the characters that reorder or hide text (a name
 * saved before the typed-name rule may hold them), which would scramble the title or the file name.
 */
export function printTitle(name: string | undefined, what: string, whose: ShotsForPrint['whose'] = null): PrintTitle {
  const board = name === undefined ? '' : cleanedPersonName(name)
  const subject = (nameText: (name: string) => string) => whoseShotsText(whose, (person) => nameText(cleanedPersonName(person))) ?? what
  if (board === '') {
    const alone = `${subject(isolatedName)} · Storyloom`
    return { onScreen: alone, printed: alone }
  }
  return { onScreen: `${isolatedName(board)} – ${subject(isolatedName)}`, printed: `${board} – ${subject((plain) => plain)}` }
}
