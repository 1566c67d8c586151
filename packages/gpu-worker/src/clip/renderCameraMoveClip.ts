import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import sharp from 'sharp'
import { motionShapeProps, type MotionKind } from '@storyloom/shared/storyboard/motionShape'
import { GenerationCanceledError, InvalidGenerationParamsError } from '../errors'
import type { RgbImage } from '../pipeline/rgbImage'
import { UNRENDERED_KINDS, cameraPath, type ClipMotion } from './cameraPose'
import { frameFor, warpFrame } from './warpFrame'

/** Options of {@link renderCameraMoveClip}. */
export type ClipOptions = {
  /** Frames per second, 1 to 60 (storyboard exports use 24, 25 or 30; 12 makes light previews). */
  fps: number
  /** Length of the clip in seconds (the shot's duration), up to {@link MAX_CLIP_SECONDS}. */
  durationSeconds: number
  /** Output size; default the keyframe's. A different aspect crops the keyframe to cover it. */
  width?: number
  height?: number
  /** Varies handheld / Steadicam shake (default 0: the same clip every time). */
  seed?: number
  /** Checked between frames: an aborted signal ends the render with {@link GenerationCanceledError}. */
  signal?: { readonly aborted: boolean }
}

/** A rendered clip: an animated WebP that loops, playable in an `<img>` in the shot's frame. */
export type RenderedClip = {
  bytes: Buffer
  mediaType: 'image/webp'
  width: number
  height: number
  /** Frames rendered (fps × duration); the file may hold fewer when consecutive frames are identical. */
  frames: number
  /** What the clip could not show, for the version's notes (e.g. subject paths). */
  notes: string[]
}

/** Longest clip rendered, in seconds. */
export const MAX_CLIP_SECONDS = 30
/** Highest frame rate accepted. */
export const MAX_CLIP_FPS = 60
/** Largest width or height of a clip, in pixels. */
export const MAX_CLIP_SIDE = 2048
/** Raw frames are held in memory before encoding: 1024×576 at 24 fps for 8 s is ~340 MB. */
export const MAX_CLIP_RAW_BYTES = 384 * 1024 ** 2

const bad = (message: string): never => {
  throw new InvalidGenerationParamsError(message)
}

/** Checks a motion with the same validators the board uses for motion annotations. */
function checkMotion(motion: ClipMotion, index: number): void {
  for (const key of ['kind', 'direction', 'speed', 'strength', 'path'] as const) {
    try {
      motionShapeProps[key].validate(motion[key])
    } catch (error) {
      bad(`motion ${index + 1}: ${key}: ${(error as Error).message}`)
    }
  }
}

function checkSide(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 16 || value > MAX_CLIP_SIDE) bad(`clip ${name} must be a whole number of pixels from 16 to ${MAX_CLIP_SIDE}, got ${value}`)
  return value
}

/**
 * Renders a shot's keyframe with its camera moves applied over time, as a looping animated
 * WebP: pan, tilt and whip pan move a crop window along the annotation's direction; truck,
 * pedestal and crane move it the way their names say; zoom scales it; dolly scales it with
 * parallax (the frame's edges grow faster than its centre); orbit is a sideways move with a
 * slight scale change; roll rotates it; handheld and Steadicam add smooth seeded shake; rack
 * focus moves the focus from the centre to the edges. Speed and strength scale each move;
 * several moves compose. The frame stays inside the keyframe throughout (a constant overscan),
 * so no frame shows a blank edge.
 *
 * Subject paths are not rendered (moving a subject needs it cut out of the image): they are
 * skipped and named in `notes`. A list with no camera move is refused: a clip is for showing a
 * move; a still shot already has its image.
 *
 * Throws {@link InvalidGenerationParamsError} for a bad keyframe, motion or option (0 fps, a
 * side over 2048 px, more frames than memory allows…), {@link GenerationCanceledError} when
 * `signal` is aborted. Yields to the event loop every few frames.
 */
export async function renderCameraMoveClip(keyframe: RgbImage, motions: readonly ClipMotion[], options: ClipOptions): Promise<RenderedClip> {
  if (!Number.isInteger(keyframe.width) || !Number.isInteger(keyframe.height) || keyframe.width < 2 || keyframe.height < 2 || keyframe.data.length !== keyframe.width * keyframe.height * 3) {
    bad(`the keyframe must be RGB with ${keyframe.width}×${keyframe.height}×3 bytes, got ${keyframe.data.length}`)
  }
  const { fps, durationSeconds } = options
  if (!Number.isInteger(fps) || fps < 1 || fps > MAX_CLIP_FPS) bad(`fps must be a whole number from 1 to ${MAX_CLIP_FPS}, got ${fps}`)
  if (!(durationSeconds > 0 && durationSeconds <= MAX_CLIP_SECONDS)) bad(`a clip lasts more than 0 and at most ${MAX_CLIP_SECONDS} seconds, got ${durationSeconds}`)
  const width = checkSide('width', options.width ?? keyframe.width)
  const height = checkSide('height', options.height ?? keyframe.height)
  const frames = Math.max(2, Math.round(fps * durationSeconds))
  const rawBytes = width * height * 3 * frames
  if (rawBytes > MAX_CLIP_RAW_BYTES) bad(`${frames} frames of ${width}×${height} is too much to render at once: use a smaller size, fewer fps or a shorter clip`)
  motions.forEach(checkMotion)

  const skipped = [...new Set(motions.filter((m) => UNRENDERED_KINDS.has(m.kind)).map((m) => m.kind))]
  const notes = skipped.map((kind: MotionKind) => (kind === 'subject' ? 'Subject motion paths are not rendered in clips; only camera moves are.' : `${kind} is not rendered.`))
  if (motions.every((m) => UNRENDERED_KINDS.has(m.kind))) {
    bad(motions.length === 0 ? 'a clip needs a camera move: this shot has no motion annotation' : 'a clip needs a camera move: this shot only has subject motion paths, which clips do not render')
  }

  const path = cameraPath(motions, durationSeconds, options.seed ?? 0)
  const poses = Array.from({ length: frames }, (_, i) => path(i / (frames - 1)))
  const framing = frameFor(keyframe, width, height, poses)
  const blurred = poses.some((p) => p.focus !== null) ? await defocus(keyframe) : null

  const stacked = Buffer.allocUnsafe(rawBytes)
  const frameBytes = width * height * 3
  for (let i = 0; i < frames; i++) {
    if (options.signal?.aborted) throw new GenerationCanceledError('Clip canceled')
    warpFrame(keyframe, blurred, poses[i]!, framing, stacked.subarray(i * frameBytes, (i + 1) * frameBytes))
    // Long clips must not hold the worker's event loop (job lock renewal, heartbeats).
    if (i % 4 === 3) await yieldToEventLoop()
  }

  // Whole milliseconds that add up to the exact duration (12 fps: 83, 84, 83…). The encoder
  // merges identical consecutive frames into one longer frame; the timing stays the same.
  const delay = Array.from({ length: frames }, (_, i) => Math.round(((i + 1) * 1000) / fps) - Math.round((i * 1000) / fps))
  const bytes = await sharp(stacked, { raw: { width, height: height * frames, channels: 3, pageHeight: height } })
    .webp({ loop: 0, delay, quality: 82, effort: 2 })
    .toBuffer()
  return { bytes, mediaType: 'image/webp', frames, width, height, notes }
}

/** The keyframe out of focus, for rack focus: a blur scaled to the image size. */
async function defocus(keyframe: RgbImage): Promise<RgbImage> {
  const sigma = Math.max(1, Math.min(keyframe.width, keyframe.height) / 40)
  const data = await sharp(keyframe.data, { raw: { width: keyframe.width, height: keyframe.height, channels: 3 } }).blur(sigma).raw().toBuffer()
  return { width: keyframe.width, height: keyframe.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
}
