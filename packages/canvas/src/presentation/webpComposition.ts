import type { AnimatedWebp, WebpFrame } from './webpContainer'

/**
 * How an animated WebP's frames build up its canvas, per the container spec: each frame is
 * painted in its rectangle (alpha-blended, or replacing what was there), and may clear that
 * rectangle to transparent once shown. The painting target is abstract so these rules are the
 * same on a browser canvas and in tests.
 */
export interface Surface<Image> {
  /** Makes a rectangle fully transparent. */
  clear(x: number, y: number, width: number, height: number): void
  /** Paints `image` at (x, y), alpha-blended over what is there (source-over). */
  draw(image: Image, x: number, y: number): void
}

const isFull = (frame: WebpFrame, anim: AnimatedWebp) => frame.x === 0 && frame.y === 0 && frame.width === anim.width && frame.height === anim.height

/**
 * Which frames are key frames: ones whose canvas does not depend on the frames before them,
 * so painting can start there instead of at the first frame. A frame is one when it covers the
 * canvas and hides all beneath it, or when the frame before it cleared everything there was.
 */
export function keyFrames(anim: AnimatedWebp): boolean[] {
  const keys: boolean[] = []
  anim.frames.forEach((frame, i) => {
    const prev = anim.frames[i - 1]
    keys.push(
      !prev || (isFull(frame, anim) && (!frame.blend || !frame.hasAlpha)) || (prev.disposeToBackground && (isFull(prev, anim) || keys[i - 1]!)),
    )
  })
  return keys
}

/**
 * Where to start painting for the canvas to show frame `index` when it shows frame `shown` now
 * (-1: nothing yet): going on from the next frame when that is on the way, otherwise from the
 * last key frame at or before `index` on a cleared canvas (`reset`).
 */
export function paintPlan(keys: readonly boolean[], shown: number, index: number): { reset: boolean; from: number } {
  let key = index
  while (key > 0 && !keys[key]) key--
  return shown >= key && shown <= index ? { reset: false, from: shown + 1 } : { reset: true, from: key }
}

/**
 * Paints frame `i` onto a surface showing frame `i - 1` (or a cleared one): first the previous
 * frame's disposal, then the frame, blended or not.
 */
export function paintFrame<Image>(anim: AnimatedWebp, i: number, surface: Surface<Image>, image: Image): void {
  const frame = anim.frames[i]!
  const prev = anim.frames[i - 1]
  if (prev?.disposeToBackground) surface.clear(prev.x, prev.y, prev.width, prev.height)
  if (!frame.blend) surface.clear(frame.x, frame.y, frame.width, frame.height)
  surface.draw(image, frame.x, frame.y)
}
