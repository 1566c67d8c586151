import { clamp, type TLInstancePresence } from 'tldraw'

/** Page coordinates beyond this (either sign) are taken to be this. */
export const MAX_PAGE_COORDINATE = 1e9
/** Screen sizes and positions (CSS pixels) beyond this are taken to be this. */
export const MAX_SCREEN_SIZE = 100_000

/** tldraw's default zoom range (its first and last zoom steps), which the board keeps. */
export const MIN_ZOOM = 0.05
export const MAX_ZOOM = 8

const inPage = (n: number) => clamp(n, -MAX_PAGE_COORDINATE, MAX_PAGE_COORDINATE)
const onScreen = (n: number) => clamp(n, -MAX_SCREEN_SIZE, MAX_SCREEN_SIZE)

/**
 * A peer's presence (already schema-valid, so its numbers are finite) with its camera, screen and
 * cursor clamped to what a real client can have: tldraw's zoom range, a screen of at least one
 * pixel, coordinates within ±{@link MAX_PAGE_COORDINATE}. Someone following that peer fits the
 * peer's view into their own window, dividing by zoom and screen size, so a zero zoom or an
 * empty screen from a hostile client would otherwise turn the follower's camera into NaN.
 */
export function presenceInBounds(presence: TLInstancePresence): TLInstancePresence {
  const { camera, screenBounds, cursor } = presence
  return {
    ...presence,
    camera: camera && { x: inPage(camera.x), y: inPage(camera.y), z: clamp(camera.z, MIN_ZOOM, MAX_ZOOM) },
    screenBounds: screenBounds && {
      x: onScreen(screenBounds.x),
      y: onScreen(screenBounds.y),
      w: clamp(screenBounds.w, 1, MAX_SCREEN_SIZE),
      h: clamp(screenBounds.h, 1, MAX_SCREEN_SIZE),
    },
    cursor: cursor && { ...cursor, x: inPage(cursor.x), y: inPage(cursor.y) },
  }
}
