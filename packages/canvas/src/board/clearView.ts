/**
 * "Bring this into view where nothing covers it": the part of the canvas the panels leave
 * clear, and the camera that shows a shape inside it. tldraw's own `zoomToSelectionIfOffscreen`
 * counts the whole canvas as visible, so a shot under the shot inspector counts as shown.
 */

/** A rectangle: in page units for a shape's bounds, in screen pixels (from the canvas's top left) for the clear area. */
export interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** tldraw's camera: a point on the page shows at `(page + camera) × z` on the canvas. */
export interface Camera {
  readonly x: number
  readonly y: number
  readonly z: number
}

/**
 * The largest clear rectangle this finds in `canvas` beside the `covers` (panels over it): for
 * each cover that still overlaps, biggest first, the biggest of the four rectangles left,
 * right, above and below it. Greedy, which is plenty for a few panels along the edges: a tall
 * panel on the right leaves what is left of it, a short one at the top left what is below it.
 */
export function clearArea(canvas: Rect, covers: readonly Rect[]): Rect {
  let clear = canvas
  for (const c of [...covers].sort((a, b) => b.w * b.h - a.w * a.h)) {
    const [right, bottom] = [clear.x + clear.w, clear.y + clear.h]
    if (c.x >= right || c.x + c.w <= clear.x || c.y >= bottom || c.y + c.h <= clear.y) continue
    const sides: Rect[] = [
      { x: clear.x, y: clear.y, w: c.x - clear.x, h: clear.h },
      { x: c.x + c.w, y: clear.y, w: right - (c.x + c.w), h: clear.h },
      { x: clear.x, y: clear.y, w: clear.w, h: c.y - clear.y },
      { x: clear.x, y: c.y + c.h, w: clear.w, h: bottom - (c.y + c.h) },
    ]
    clear = sides.reduce((best, side) => (side.w * side.h > best.w * best.h ? side : best))
  }
  return clear
}

/**
 * The camera that shows `bounds` whole inside `clear`, `margin` pixels in from its edges, or
 * null when it already does (or when `clear` has no room at all). It pans as little as it can,
 * so what was in view stays in view; only when `bounds` cannot fit at this zoom does it zoom out
 * (never in), centring `bounds` in `clear`.
 */
export function cameraToShow(bounds: Rect, camera: Camera, clear: Rect, margin: number): Camera | null {
  const room = { w: clear.w - 2 * margin, h: clear.h - 2 * margin }
  if (room.w <= 0 || room.h <= 0 || bounds.w <= 0 || bounds.h <= 0) return null
  const z = Math.min(camera.z, room.w / bounds.w, room.h / bounds.h)
  if (z < camera.z) {
    return {
      x: (clear.x + clear.w / 2) / z - (bounds.x + bounds.w / 2),
      y: (clear.y + clear.h / 2) / z - (bounds.y + bounds.h / 2),
      z,
    }
  }
  const shift = (start: number, size: number, from: number, to: number) =>
    start < from ? from - start : start + size > to ? to - (start + size) : 0
  const left = (bounds.x + camera.x) * z
  const top = (bounds.y + camera.y) * z
  const dx = shift(left, bounds.w * z, clear.x + margin, clear.x + clear.w - margin)
  const dy = shift(top, bounds.h * z, clear.y + margin, clear.y + clear.h - margin)
  if (dx === 0 && dy === 0) return null
  return { x: camera.x + dx / z, y: camera.y + dy / z, z }
}

/**
 * The camera, at the same zoom, that puts the top left of `content` `margin` pixels in from the
 * top left of `clear`; null when that corner is already inside `clear`, that far in (a view
 * that shows the content's start leaves it).
 */
export function contentCameraOnOpen(content: Rect, camera: Camera, clear: Rect, margin: number): Camera | null {
  const left = (content.x + camera.x) * camera.z
  const top = (content.y + camera.y) * camera.z
  const inside = left >= clear.x + margin && top >= clear.y + margin && left < clear.x + clear.w && top < clear.y + clear.h
  if (inside) return null
  return { x: (clear.x + margin) / camera.z - content.x, y: (clear.y + margin) / camera.z - content.y, z: camera.z }
}
