/** How far a finger must travel sideways, in CSS pixels, for a swipe to turn to another shot. */
export const SWIPE_MIN_DISTANCE = 50

/**
 * The shot a finger's travel (`dx`, `dy` from where it touched to where it left) turns to: +1 the
 * next (drawn leftwards, as a page is turned), -1 the previous, 0 none (too short, or mostly up
 * or down: the page scrolling).
 */
export function swipeStep(dx: number, dy: number): -1 | 0 | 1 {
  if (Math.abs(dx) < SWIPE_MIN_DISTANCE || Math.abs(dx) < 1.5 * Math.abs(dy)) return 0
  return dx < 0 ? 1 : -1
}
