/**
 * How a shot's action and dialogue fill the panel's text area (`SHOT_TEXT_HEIGHT`): the lines
 * each paragraph runs to, estimated from its text and the area's width, and how many of the
 * area's three whole lines each may show. The panel clamps each paragraph to its share (an
 * ellipsis says when it hides lines) and greeking draws one bar per line shown, so neither
 * leaves a line cut in half at the area's edge.
 */

/** Whole lines of 12 px text (16.2 px each) the 64 px area holds under its padding and gap. */
export const SHOT_TEXT_LINES = 3

/** Average advance of a 12 px sans-serif character, in page units. */
const CHAR_WIDTH = 6.2

/**
 * The lines `text` runs to in a block `width` page units wide: each as a fraction of the
 * width (1 for a full line, 0 for an empty one). Typed line breaks start a line, as the
 * panel's `white-space: pre-line` keeps them; a long line wraps.
 */
export function estimatedLines(text: string, width: number): number[] {
  if (!text.trim() || width <= 0) return []
  const perLine = Math.max(1, Math.floor(width / CHAR_WIDTH))
  const lines: number[] = []
  // pre-line drops a break at the very end and the spaces around each break.
  for (const typed of text.replace(/\s+$/, '').split('\n')) {
    const length = typed.trim().length
    const rows = Math.max(1, Math.ceil(length / perLine))
    for (let row = 1; row < rows; row++) lines.push(1)
    lines.push((length - (rows - 1) * perLine) / perLine)
  }
  return lines
}

/**
 * How many lines the action and the dialogue may show, given how many each has: the action
 * first, but the dialogue keeps at least one line when there is any.
 */
export function shotTextLineBudget(actionLines: number, dialogueLines: number): { action: number; dialogue: number } {
  const action = Math.min(actionLines, dialogueLines > 0 ? SHOT_TEXT_LINES - 1 : SHOT_TEXT_LINES)
  return { action, dialogue: Math.min(dialogueLines, SHOT_TEXT_LINES - action) }
}
