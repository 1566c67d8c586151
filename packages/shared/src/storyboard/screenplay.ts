import { looksLikeXml, readFinalDraft } from './screenplay/finalDraftReader'
import { readFountain } from './screenplay/fountainReader'
import { ScreenplayReadError } from './screenplay/screenplayElements'
import { screenplayElementsToShotPlan, type ScreenplayBoard, type ScreenplayParseResult } from './screenplay/screenplayPlan'
import { checkScreenplayText } from './screenplay/screenplayText'

export type { ScreenplayBoard, ScreenplayParseResult }

/**
 * A screenplay file read as a first pass of a storyboard: Final Draft (.fdx, XML) or Fountain
 * (plain text), told apart by what the file holds, not its name. Each reader turns the file into
 * one sequence of screenplay elements and screenplayElementsToShotPlan makes the shot plan of
 * it, so it goes into the board as an imported plan does.
 */

/** Longest screenplay accepted, in characters: a feature is about 200 KB of Fountain, 1 MB of Final Draft XML. */
export const MAX_SCREENPLAY_TEXT_LENGTH = 8 * 1024 * 1024

/**
 * The shot plan of a Final Draft or Fountain screenplay for `board`, with fresh ids. Refuses
 * what is not a screenplay (a PDF, a Word document, binary data), text with nothing to board
 * and anything past the limits a shot plan has, naming where.
 */
export function screenplayToShotPlan(text: string, board: ScreenplayBoard): ScreenplayParseResult {
  if (text.length > MAX_SCREENPLAY_TEXT_LENGTH) {
    return { ok: false, errors: [`The screenplay is too large (at most ${MAX_SCREENPLAY_TEXT_LENGTH / 1024 / 1024} MB of text)`] }
  }
  try {
    checkScreenplayText(text)
    const screenplay = looksLikeXml(text) ? readFinalDraft(text) : readFountain(text)
    return screenplayElementsToShotPlan(screenplay, board)
  } catch (error) {
    if (error instanceof ScreenplayReadError) return { ok: false, errors: [error.message] }
    throw error
  }
}
