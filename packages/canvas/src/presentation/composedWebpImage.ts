import type { AnimatedImage } from './animatedImage'
import { clipTimeline } from './clipTimeline'
import { keyFrames, paintFrame, paintPlan, type Surface } from './webpComposition'
import { parseAnimatedWebp, stillWebp } from './webpContainer'

/**
 * Decoded frames kept for the clip's life, in pixels (4 bytes each): a generated clip (a few
 * dozen frames, most of them small rectangles) fits; past it frames are decoded again when painted.
 */
const KEPT_PIXELS = 16 * 1024 * 1024

/** Decodes one frame's rebuilt still file. */
function decodeStill(file: Uint8Array<ArrayBuffer>): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([file], { type: 'image/webp' }))
}

/**
 * Opens an animated WebP without WebCodecs (Firefox, Safari, or a page served over plain HTTP,
 * where `ImageDecoder` does not exist): each frame is rebuilt as a still WebP, decoded with
 * `createImageBitmap`, and painted onto a canvas of its own by the container's rules (offsets,
 * blending, disposal). Resolves null when `data` is not an animated WebP of two frames or more,
 * asks for more than the parser allows, or its first frame does not decode: the caller then
 * shows a plain `<img>`.
 */
export async function openComposedWebp(data: Uint8Array, signal: AbortSignal): Promise<AnimatedImage | null> {
  const anim = parseAnimatedWebp(data)
  if (!anim || anim.frames.length < 2) return null
  const composed = document.createElement('canvas')
  composed.width = anim.width
  composed.height = anim.height
  const context = composed.getContext('2d')
  if (!context) return null
  const surface: Surface<ImageBitmap> = {
    clear: (x, y, width, height) => context.clearRect(x, y, width, height),
    draw: (image, x, y) => context.drawImage(image, x, y),
  }
  const keys = keyFrames(anim)
  const kept = new Map<number, ImageBitmap>()
  let keptPixels = 0
  let closed = false
  let shown = -1 // the frame `composed` shows
  let queue: Promise<unknown> = Promise.resolve()

  /** Frame `i` decoded, and whether it is kept (else the caller closes it once painted). */
  const frameImage = async (i: number): Promise<{ image: ImageBitmap; keep: boolean }> => {
    const found = kept.get(i)
    if (found) return { image: found, keep: true }
    const frame = anim.frames[i]!
    const image = await decodeStill(stillWebp(frame))
    if (closed) {
      image.close()
      throw new Error('The clip was closed')
    }
    const keep = keptPixels + frame.width * frame.height <= KEPT_PIXELS
    if (keep) {
      kept.set(i, image)
      keptPixels += frame.width * frame.height
    }
    return { image, keep }
  }

  /** Brings `composed` to frame `index`, painting on from the frame shown or from a key frame. */
  const composeTo = async (index: number) => {
    const { reset, from } = paintPlan(keys, shown, index)
    if (reset) {
      shown = -1
      context.clearRect(0, 0, anim.width, anim.height)
    }
    for (let i = from; i <= index; i++) {
      const { image, keep } = await frameImage(i)
      paintFrame(anim, i, surface, image)
      if (!keep) image.close()
      shown = i
    }
  }

  const close = () => {
    closed = true
    for (const image of kept.values()) image.close()
    kept.clear()
    composed.width = 0 // frees the canvas's pixels now rather than at garbage collection
  }
  try {
    const first = await frameImage(0) // a file the browser cannot decode is left to the <img>
    if (!first.keep) first.image.close()
  } catch {
    close()
    return null
  }
  if (signal.aborted) {
    close()
    throw signal.reason
  }
  return {
    timeline: clipTimeline(anim.frames.map((f) => f.duration)),
    width: anim.width,
    height: anim.height,
    draw(index, canvas) {
      // One composition at a time: the canvas holds the state each one builds on.
      const run = queue.then(async () => {
        if (closed) throw new Error('The clip was closed')
        await composeTo(index)
        const target = canvas.getContext('2d')
        target?.clearRect(0, 0, canvas.width, canvas.height)
        target?.drawImage(composed, 0, 0, canvas.width, canvas.height)
      })
      queue = run.catch(() => {
        shown = -1 // a failed decode leaves the canvas half painted: start over next time
      })
      return run
    },
    close,
  }
}
