import { MAX_PICTURE_ZOOM } from '@storyloom/shared/storyboard/limits'
import type { PictureFraming } from '@storyloom/shared/storyboard/shotShape'

/**
 * Reframe: where a shot's picture sits in its frame, the one geometry every renderer draws (the
 * canvas panel, the strip, Present's stage and grid, Print, the exported video and stills).
 *
 * The picture is scaled to just cover the frame (CSS `object-fit: cover`), enlarged `zoom` times,
 * and placed along the travel that leaves no edge: `x` 0 puts its left edge on the frame's left,
 * 1 its right edge on the frame's right, 0.5 centres it (likewise `y`). Every stored value covers
 * the frame, so no renderer needs the picture's size to draw it: in CSS it is
 * `object-position: x y` and a scale about that same point, which keeps the covering picture
 * covering (the point is inside both). No framing (null) is zoom 1 centred: today's crop.
 */

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Rect extends Size {
  readonly x: number
  readonly y: number
}

/** A point in a frame, in the frame's pixels from its top left. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** The picture centred and just covering: how a shot without a framing is drawn. */
export const CENTRED_FRAMING: PictureFraming = { zoom: 1, x: 0.5, y: 0.5 }

const clamp = (value: number, min: number, max: number) => (Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : (min + max) / 2)

/** `framing` within bounds (null: centred); the board refuses anything else, this is what a renderer can rely on. */
export function framingOf(framing: PictureFraming | null | undefined): PictureFraming {
  if (!framing) return CENTRED_FRAMING
  return { zoom: Number.isFinite(framing.zoom) ? clamp(framing.zoom, 1, MAX_PICTURE_ZOOM) : 1, x: clamp(framing.x, 0, 1), y: clamp(framing.y, 0, 1) }
}

/** Whether `framing` draws the picture as a shot without one does (so it can be stored as null). */
export function isCentredFraming(framing: PictureFraming | null | undefined): boolean {
  const { zoom, x, y } = framingOf(framing)
  return zoom === 1 && x === 0.5 && y === 0.5
}

/** The scale at which `picture` just covers `frame`. */
function coverScale(picture: Size, frame: Size): number {
  return Math.max(frame.width / picture.width, frame.height / picture.height)
}

/** Where `picture` is drawn, in `frame`'s pixels (its top left at 0, 0): it always covers the frame. */
export function framedPictureRect(picture: Size, frame: Size, framing: PictureFraming | null | undefined): Rect {
  const { zoom, x, y } = framingOf(framing)
  const scale = coverScale(picture, frame) * zoom
  const width = picture.width * scale
  const height = picture.height * scale
  return { x: x * (frame.width - width), y: y * (frame.height - height), width, height }
}

/** The part of `picture` (in its own pixels) that `frame` shows: what to cut out of it to draw it framed. */
export function framedSourceRect(picture: Size, frame: Size, framing: PictureFraming | null | undefined): Rect {
  const drawn = framedPictureRect(picture, frame, framing)
  const scale = drawn.width / picture.width
  return { x: -drawn.x / scale, y: -drawn.y / scale, width: frame.width / scale, height: frame.height / scale }
}

/** Where along the travel `length` a picture edge at `start` sits (0.5 when there is no travel: nothing to move). */
function along(start: number, frameLength: number, length: number): number {
  const travel = frameLength - length
  return travel < 0 ? clamp(start / travel, 0, 1) : 0.5
}

/** The framing with the picture moved by `by` (frame pixels: a drag), as far as it can go without showing an edge. */
export function panFraming(picture: Size, frame: Size, framing: PictureFraming | null | undefined, by: Point): PictureFraming {
  const current = framingOf(framing)
  const drawn = framedPictureRect(picture, frame, current)
  return { zoom: current.zoom, x: along(drawn.x + by.x, frame.width, drawn.width), y: along(drawn.y + by.y, frame.height, drawn.height) }
}

/**
 * The framing at `zoom` (kept within 1 and the most) with the picture's point under `at` (frame
 * pixels: the pointer) still under it, as far as the edges allow.
 */
export function zoomFramingAt(picture: Size, frame: Size, framing: PictureFraming | null | undefined, zoom: number, at: Point): PictureFraming {
  const current = framingOf(framing)
  const drawn = framedPictureRect(picture, frame, current)
  const next = clamp(zoom, 1, MAX_PICTURE_ZOOM)
  const grow = next / current.zoom
  const width = drawn.width * grow
  const height = drawn.height * grow
  return { zoom: next, x: along(at.x - (at.x - drawn.x) * grow, frame.width, width), y: along(at.y - (at.y - drawn.y) * grow, frame.height, height) }
}

const percent = (fraction: number) => `${Math.round(fraction * 1e4) / 100}%`

/**
 * `framing` as CSS for a picture filling its frame's box with `object-fit: cover` (the frame
 * clips it): its object position, and a transform about the box's centre (so a camera move's
 * transform, also about the centre, can go in front of it: `${camera} ${transform}`). Nothing
 * for a centred picture at zoom 1, which the stylesheets already draw.
 */
export function pictureFramingCss(framing: PictureFraming | null | undefined): { objectPosition?: string; transform?: string } {
  if (isCentredFraming(framing)) return {}
  const { zoom, x, y } = framingOf(framing)
  const objectPosition = `${percent(x)} ${percent(y)}`
  if (zoom === 1) return { objectPosition }
  // A scale about the object position's point: translate there, scale, translate back.
  const dx = x - 0.5
  const dy = y - 0.5
  return { objectPosition, transform: `translate(${percent(dx)}, ${percent(dy)}) scale(${zoom}) translate(${percent(-dx)}, ${percent(-dy)})` }
}
