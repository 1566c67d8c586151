import { directionToVector, KIND_TRAVEL } from '@storyloom/shared/storyboard/motionShape'
import type { PictureFraming } from '@storyloom/shared/storyboard/shotShape'
import { pictureFramingCss } from '../storyboard/pictureFraming'
import type { CameraMove } from './shotCameraMoves'

/**
 * A shot's camera moves played on its still picture, as animatic tools do: one pure function of
 * the playhead's progress through the shot, so Present's stage (paused, scrubbed, followed or on
 * a review link) and the exported video draw the same framing at the same instant.
 *
 * The camera looks through the frame at the picture: a pan right moves the view right, so the
 * picture slides left; a dolly or zoom in pushes in (out starts pushed in and pulls back); truck,
 * pedestal and crane slide the view the way their name says; a roll turns the view (clockwise:
 * the picture turns anticlockwise on screen); an orbit drifts sideways; a whip pan is a fast pan
 * that spends its travel in the middle; handheld shakes a little (seeded by the shot, so every
 * viewer and the export see the same shake); Steadicam pushes in slowly. Faster moves go
 * further. The picture is always scaled up enough that it covers the frame: no edge ever shows.
 */

/** How the picture sits in its frame: transformed about the frame's centre, as CSS `translate() rotate() scale()`. */
export interface CameraFraming {
  /** 1 fills the frame; always at least what covers it. */
  readonly scale: number
  /** How far the picture is moved, as fractions of the frame's width and height (positive: right, down). */
  readonly x: number
  readonly y: number
  /** How far the picture is turned, in degrees clockwise on screen. */
  readonly rotation: number
}

/** What a framing needs of its shot. */
export interface CameraShot {
  readonly moves: readonly CameraMove[]
  readonly id: string
  /** Its length: a handheld shake has its own pace in seconds, whatever the shot's length. */
  readonly seconds: number
}

/** One move's contribution at an instant, and the most it ever moves the picture (to cover the frame). */
interface MovePart {
  at(progress: number, seconds: number): { x: number; y: number; rotation: number; zoom: number }
  readonly reach: { x: number; y: number; rotation: number }
}

/** A camera head starts and settles: slow at both ends. */
const ease = (t: number) => t * t * (3 - 2 * t)
/** A whip pan spends most of its travel in the middle (as the clip generator's, cameraPose.ts). */
const whip = (t: number) => 0.5 + (0.5 * Math.tanh(10 * (t - 0.5))) / Math.tanh(5)

/** The speed of a move chosen in the inspector, which has none: medium, as a new arrow is drawn. */
const USUAL_SPEED = 0.5
/** Where a move with no arrow goes: a pan, whip pan or orbit right, a tilt up, a roll clockwise. */
const USUAL_DIRECTION: Partial<Record<CameraMove['kind'], number>> = { pan: 0, 'whip-pan': 0, tilt: 270, orbit: 0, roll: 0 }
/** How far a pan-like move carries the view over the shot, as a fraction of the frame: a slow one a little, a fast one a third. */
const travel = (speed: number) => 0.06 + 0.24 * speed

/** The view travelling `distance` along `way` over the shot, centred on the picture: the picture slides the other way. */
function slide(way: { x: number; y: number }, distance: number, curve: (t: number) => number = ease): MovePart {
  return {
    at: (t) => ({ x: -distance * (curve(t) - 0.5) * way.x, y: -distance * (curve(t) - 0.5) * way.y, rotation: 0, zoom: 1 }),
    reach: { x: (distance / 2) * Math.abs(way.x), y: (distance / 2) * Math.abs(way.y), rotation: 0 },
  }
}

/** A push in (`inward`) or a pull back over the shot, by `amount` (0.2: a fifth larger at its closest). */
function push(amount: number, inward: boolean): MovePart {
  return { at: (t) => ({ x: 0, y: 0, rotation: 0, zoom: 1 + amount * (inward ? ease(t) : 1 - ease(t)) }), reach: { x: 0, y: 0, rotation: 0 } }
}

/** A small 32-bit hash of `text`, the seed of a shake (FNV-1a). */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** A smooth wobble in [-1, 1] over seconds: three sines at `hz` and above, their phases from `seed`. */
function wobble(seed: number, hz: number): (seconds: number) => number {
  const waves = [1, 2.3, 3.7].map((f, i) => ({ f: hz * f, a: 1 / (i + 1), phase: ((hash(`${seed}:${i}`) % 3600) / 3600) * 2 * Math.PI }))
  const total = waves.reduce((sum, w) => sum + w.a, 0)
  return (s) => waves.reduce((sum, w) => sum + w.a * Math.sin(2 * Math.PI * w.f * s + w.phase), 0) / total
}

/** A handheld camera's shake: a few hundredths of the frame and about a degree, livelier when faster. */
function shake(seed: number, speed: number): MovePart {
  const distance = 0.006 + 0.014 * speed
  const angle = 0.3 + 0.9 * speed
  const hz = 0.6 + 1.2 * speed
  const [x, y, r] = [wobble(seed, hz), wobble(seed + 1, hz * 1.1), wobble(seed + 2, hz * 0.7)]
  return { at: (_t, s) => ({ x: distance * x(s), y: distance * y(s), rotation: angle * r(s), zoom: 1 }), reach: { x: distance, y: distance, rotation: angle } }
}

/** What one move does to the picture; null for one that does not reframe it (rack focus). */
function movePart(move: CameraMove, seed: number): MovePart[] | null {
  const speed = move.speed ?? USUAL_SPEED
  const direction = move.direction ?? USUAL_DIRECTION[move.kind] ?? null
  const way = direction === null ? null : directionToVector(direction)
  // Clockwise (0) or anticlockwise (180), for an orbit or roll.
  const turn = direction === 180 ? -1 : 1
  switch (move.kind) {
    case 'pan':
    case 'tilt':
      return [slide(way!, travel(speed))]
    case 'whip-pan':
      return [slide(way!, 0.3 + 0.2 * speed, whip)]
    case 'truck-left':
    case 'truck-right':
    case 'pedestal-up':
    case 'pedestal-down':
      return [slide(KIND_TRAVEL[move.kind]!, travel(speed))]
    case 'crane-up':
    case 'crane-down':
      // A crane rises or falls further than a pedestal.
      return [slide(KIND_TRAVEL[move.kind]!, 1.4 * travel(speed))]
    case 'dolly-in':
    case 'zoom-in':
    case 'dolly-out':
    case 'zoom-out':
      return [push(0.08 + 0.32 * speed, move.kind.endsWith('-in'))]
    case 'orbit':
      // Round the subject clockwise, the view drifts right.
      return [slide({ x: turn, y: 0 }, travel(speed))]
    case 'roll': {
      // From level, the view turns the arrow's way; the picture the other.
      const angle = 4 + 12 * speed
      return [{ at: (t) => ({ x: 0, y: 0, rotation: -turn * angle * ease(t), zoom: 1 }), reach: { x: 0, y: 0, rotation: angle } }]
    }
    case 'handheld':
      return way ? [shake(seed, speed), slide(way, 0.03 + 0.05 * speed)] : [shake(seed, speed)]
    case 'steadicam': {
      const glide = push(0.03 + 0.07 * speed, true)
      return way ? [glide, slide(way, 0.02 + 0.04 * speed)] : [glide]
    }
    case 'rack-focus':
      return null
  }
}

/**
 * The scale that keeps a picture covering its frame (width / height `aspect`) however it is moved
 * up to `reach` (fractions of the frame, and degrees turned either way): the frame's corners,
 * taken back into the picture, stay inside it.
 */
export function coveringScale(reach: { x: number; y: number; rotation: number }, aspect: number): number {
  const sin = Math.sin((Math.min(reach.rotation, 90) * Math.PI) / 180)
  const across = 1 + 2 * reach.x
  const down = 1 + 2 * reach.y
  return Math.max(1, across + (sin * down) / aspect, sin * aspect * across + down)
}

/**
 * The framing of `shot`'s picture (in a frame of width / height `aspect`) at `progress` (0 at its
 * first frame, 1 at its last; clamped), its moves combined: slides and turns add, pushes
 * multiply. Null when it has no move that reframes the picture.
 */
export function cameraFraming(shot: CameraShot, progress: number, aspect: number): CameraFraming | null {
  const seed = hash(shot.id)
  const parts = shot.moves.flatMap((move, i) => movePart(move, seed + 7 * i) ?? [])
  if (parts.length === 0) return null
  const t = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0))
  const seconds = t * shot.seconds
  const framing = { scale: 1, x: 0, y: 0, rotation: 0 }
  const reach = { x: 0, y: 0, rotation: 0 }
  for (const part of parts) {
    const now = part.at(t, seconds)
    framing.x += now.x
    framing.y += now.y
    framing.rotation += now.rotation
    framing.scale *= now.zoom
    reach.x += part.reach.x
    reach.y += part.reach.y
    reach.rotation += part.reach.rotation
  }
  // Pushes only ever enlarge it (≥ 1): covering at their least, it covers throughout.
  framing.scale *= coveringScale(reach, aspect)
  return framing
}

/** `shot`'s framing `offset` seconds into it (held at its last frame past its end). */
export function cameraFramingAt(shot: CameraShot, offset: number, aspect: number): CameraFraming | null {
  return cameraFraming(shot, shot.seconds > 0 ? offset / shot.seconds : 1, aspect)
}

/** `framing` as a CSS transform of the picture, inside its frame (which clips it); none for no framing. */
export function framingTransform(framing: CameraFraming | null | undefined): string | undefined {
  if (!framing) return undefined
  const { x, y, rotation, scale } = framing
  return `translate(${x * 100}%, ${y * 100}%) rotate(${rotation}deg) scale(${scale})`
}

/**
 * A still's style on the stage (an `object-fit: cover` picture in its frame): reframed as the shot
 * says (pictureFraming.ts), then moved by `framing`. Both transforms are about the frame's centre
 * and the camera's goes first, so it moves the reframed picture as a whole: that covers the
 * frame's box, and the move keeps a box-sized picture covering the frame, so no edge ever shows.
 */
export function stillPictureStyle(framing: CameraFraming | null | undefined, pictureFraming: PictureFraming | null | undefined): { objectPosition?: string; transform?: string } {
  const reframed = pictureFramingCss(pictureFraming)
  const transform = [framingTransform(framing), reframed.transform].filter(Boolean).join(' ')
  return { ...(reframed.objectPosition ? { objectPosition: reframed.objectPosition } : {}), ...(transform ? { transform } : {}) }
}
