/** A rectangle: page units for a shot, screen pixels for the viewport. */
export interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** The part of the viewport's width left free between the panels over it, in pixels from the viewport's left edge. */
export interface FreeBand {
  readonly left: number
  readonly right: number
}

const MARGIN = 24
/** Narrower than this, the band is no place to show a shot: the whole viewport is used. */
const MIN_ROOM = 240

/**
 * The camera (tldraw's: screen = (page + camera) × z) that shows `shot` whole in the `free` band
 * of the viewport, never zoomed in past 100%: "Shot N" in the queue must not put the shot under
 * the queue it was picked from (the first shot of a board sits at its top left), nor under the
 * inspector that its selection opens on the right.
 */
export function cameraShowingBeside(shot: Rect, viewport: Rect, free: FreeBand): { x: number; y: number; z: number } {
  const band = free.right - free.left >= MIN_ROOM + 2 * MARGIN ? free : { left: 0, right: viewport.w }
  const room = { x: band.left + MARGIN, y: MARGIN, w: band.right - band.left - 2 * MARGIN, h: viewport.h - 2 * MARGIN }
  const z = Math.max(0.05, Math.min(1, room.w / shot.w, room.h / shot.h))
  return {
    x: (room.x + room.w / 2) / z - (shot.x + shot.w / 2),
    y: (room.y + room.h / 2) / z - (shot.y + shot.h / 2),
    z,
  }
}
