import type { MotionKind, MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { directionToVector, KIND_TRAVEL } from '@storyloom/shared/storyboard/motionShape'
import { SeededRandom } from '../pipeline/seededNoise'

/** The parts of a motion annotation a clip uses. */
export type ClipMotion = Pick<MotionShapeProps, 'kind' | 'direction' | 'speed' | 'strength' | 'path'>

/**
 * Where the virtual camera looks in the keyframe at one instant. The frame is a window on the
 * keyframe: `offsetX`/`offsetY` move its centre (fractions of the keyframe's width/height,
 * positive = right/down), `zoom` > 1 narrows it, `rotation` turns it (radians, clockwise on
 * screen), `parallax` makes the frame's edges zoom faster than its centre (a dolly's near
 * objects), and `focus` (rack focus) moves sharpness from the centre (0) to the edges (1).
 */
export type CameraPose = { offsetX: number; offsetY: number; zoom: number; rotation: number; parallax: number; focus: number | null }

/** Kinds that do not move the camera: a subject's path would need the subject cut out. */
export const UNRENDERED_KINDS: ReadonlySet<MotionKind> = new Set(['subject'])

// Largest travel of one move across a clip, as a fraction of the keyframe: more would crop too deep.
const MAX_TRAVEL = 0.3
const MAX_ROLL = (20 * Math.PI) / 180

const smoothstep = (t: number) => t * t * (3 - 2 * t)
// A whip pan spends most of its travel in the middle of the clip.
const whip = (t: number) => 0.5 + 0.5 * Math.tanh(10 * (t - 0.5)) / Math.tanh(5)

/**
 * How much a move travels over the whole clip: faster and longer moves go further, strength
 * scales it, and a drawn move always shows (strength 0 still moves a quarter as much).
 */
function travel(motion: ClipMotion, durationSeconds: number): number {
  const rate = 0.1 + 0.9 * motion.speed
  const gain = 0.25 + 0.75 * motion.strength
  return Math.min(MAX_TRAVEL, 0.15 * rate * gain * durationSeconds)
}

/** Smooth pseudo-random shake: a few sines with seeded phases and frequencies. */
function shake(random: SeededRandom, hz: number): (seconds: number) => number {
  const waves = Array.from({ length: 3 }, (_, i) => ({ f: hz * (0.6 + random.nextUniform()) * (i + 1), phase: random.nextUniform() * 2 * Math.PI, a: 1 / (i + 1) }))
  const norm = waves.reduce((sum, w) => sum + w.a, 0)
  return (s) => waves.reduce((sum, w) => sum + w.a * Math.sin(2 * Math.PI * w.f * s + w.phase), 0) / norm
}

/**
 * A function giving the camera pose at time `t` in [0, 1] for a set of moves, composed: offsets
 * and rotations add, zooms multiply. Each move is centred on the keyframe (it passes through
 * the keyframe's own framing halfway), so the frame stays as close to the generated image as
 * possible. Truck, pedestal and crane move the way their name says; pan, tilt, whip pan and
 * orbit follow the annotation's direction; roll turns clockwise when the arrow points right.
 * `seed` varies handheld/Steadicam shake.
 */
export function cameraPath(motions: readonly ClipMotion[], durationSeconds: number, seed = 0): (t: number) => CameraPose {
  const random = new SeededRandom(seed)
  const parts = motions
    .filter((m) => !UNRENDERED_KINDS.has(m.kind))
    .map((motion) => {
      const amount = travel(motion, durationSeconds)
      const gain = 0.25 + 0.75 * motion.strength
      const dir = directionToVector(motion.direction)
      const shakeX = shake(random, 0.8 + 1.5 * motion.speed)
      const shakeY = shake(random, 0.8 + 1.5 * motion.speed)
      const shakeR = shake(random, 0.5 + motion.speed)
      return (t: number, pose: CameraPose): void => {
        const e = smoothstep(t) - 0.5
        const seconds = t * durationSeconds
        switch (motion.kind) {
          case 'pan':
          case 'tilt':
            pose.offsetX += amount * e * dir.x
            pose.offsetY += amount * e * dir.y
            break
          case 'whip-pan':
            pose.offsetX += MAX_TRAVEL * gain * (whip(t) - 0.5) * dir.x
            pose.offsetY += MAX_TRAVEL * gain * (whip(t) - 0.5) * dir.y
            break
          case 'truck-left':
          case 'truck-right':
          case 'pedestal-up':
          case 'pedestal-down':
          case 'crane-up':
          case 'crane-down': {
            const v = KIND_TRAVEL[motion.kind] as { x: number; y: number }
            pose.offsetX += amount * e * v.x
            pose.offsetY += amount * e * v.y
            // A crane rises or falls away from the scene as it moves: it widens slightly.
            if (motion.kind.startsWith('crane')) pose.zoom *= 1 - 0.15 * amount * (e + 0.5)
            break
          }
          case 'zoom-in':
          case 'dolly-in':
            pose.zoom *= 1 + 2 * amount * (e + 0.5)
            if (motion.kind === 'dolly-in') pose.parallax += 0.25
            break
          case 'zoom-out':
          case 'dolly-out':
            pose.zoom *= 1 + 2 * amount * (0.5 - e)
            if (motion.kind === 'dolly-out') pose.parallax += 0.25
            break
          case 'orbit': {
            const side = dir.x >= 0 ? 1 : -1
            pose.offsetX += amount * e * side
            pose.zoom *= 1 + 0.1 * gain * Math.sin(Math.PI * t)
            pose.rotation += side * 0.02 * gain * e
            break
          }
          case 'roll':
            pose.rotation += (dir.x >= 0 ? 1 : -1) * Math.min(MAX_ROLL, 2 * amount) * e
            break
          case 'handheld':
            pose.offsetX += 0.012 * gain * shakeX(seconds)
            pose.offsetY += 0.012 * gain * shakeY(seconds)
            pose.rotation += 0.008 * gain * shakeR(seconds)
            break
          case 'steadicam':
            // A glide forward with a slow float.
            pose.zoom *= 1 + 1.5 * amount * (e + 0.5)
            pose.offsetX += 0.008 * gain * shakeX(seconds / 3)
            pose.offsetY += 0.008 * gain * shakeY(seconds / 3)
            break
          case 'rack-focus':
            pose.focus = smoothstep(t)
            break
          case 'subject':
            break
        }
      }
    })
  return (t) => {
    const pose: CameraPose = { offsetX: 0, offsetY: 0, zoom: 1, rotation: 0, parallax: 0, focus: null }
    for (const apply of parts) apply(t, pose)
    return pose
  }
}
