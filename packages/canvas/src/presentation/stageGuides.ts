import type { FrameGuides } from '@storyloom/shared/storyboard/frameGuides'
import type { DrawnFrameGuides } from '../storyboard/guides/FrameGuideSvg'

/**
 * The frame guides Present draws over the picture: none until this viewer turns Guides on, then
 * the board's choice — or, on a board that chose none, thirds and safe areas (the viewer asked
 * to see guides; changing the board's setting would change everyone's canvas).
 */
export function stageGuides(board: FrameGuides, shown: boolean): DrawnFrameGuides | null {
  if (!shown) return null
  return board === 'none' ? 'thirds-safe' : board
}
