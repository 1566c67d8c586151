import { formatRuntime } from '@storyloom/shared/storyboard/runtime'

/*
 * What the inspector and the sequence strip say of a shot too short for its dialogue, from what
 * the dialogue needs (`dialogueShortfall`).
 */

/** To the tenth of a second under a minute ("about 6.4 s"), to the second beyond ("about 1:05"). */
function about(seconds: number): string {
  const tenths = Math.round(seconds * 10) / 10
  return tenths < 60 ? `about ${tenths} s` : `about ${formatRuntime(Math.round(seconds))}`
}

/** The inspector's note under Duration: "Dialogue needs about 6.4 s". */
export function dialogueNeedsText(needs: number): string {
  return `Dialogue needs ${about(needs)}`
}

/** A strip card's mark: "Too short for its dialogue (needs about 6.4 s)". */
export function tooShortForDialogueText(needs: number): string {
  return `Too short for its dialogue (needs ${about(needs)})`
}
