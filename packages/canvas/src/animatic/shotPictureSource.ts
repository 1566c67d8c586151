import type { Editor } from 'tldraw'
import { openAnimatedImage } from '../presentation/animatedImage'
import { frameAt } from '../presentation/clipTimeline'
import type { PresentationShot } from '../presentation/presentationShots'
import { exportShotSketch } from '../storyboard/useShotSketchImage'

/** A shot's picture, ready to be drawn into video frames. */
export interface ShotPictureSource {
  /** Its image, clip or sketch; a sketch is drawn on the frame's paper and fitted, not cropped. */
  readonly kind: 'media' | 'sketch'
  /** Whether it changes within the shot (a clip): drawn again for every frame, else once. */
  readonly moving: boolean
  /** The picture `offset` seconds into the shot. */
  frame(offset: number): Promise<PictureFrame>
  close(): void
}

/** A picture to draw, with its own size. */
export interface PictureFrame {
  readonly image: CanvasImageSource
  readonly width: number
  readonly height: number
}

/** A shot's image or clip that could not be loaded or decoded. */
export class UnreadablePictureError extends Error {
  constructor(readonly shot: PresentationShot, options?: { cause?: unknown }) {
    super(`The picture of shot ${shot.number} could not be loaded`, options)
    this.name = 'UnreadablePictureError'
  }
}

/**
 * What Present shows for `shot` (ShotPicture): its image or clip (the active take), else its
 * sketch (drawn by `sketchEditor`, a headless editor over the board), else null for its
 * placeholder card. Rejects with {@link UnreadablePictureError} when the image, clip or sketch does
 * not load, so the export can say which shot (and show its card instead).
 */
export async function openShotPicture(
  shot: PresentationShot,
  { mediaUrl, sketchEditor, signal }: { mediaUrl(src: string): string; sketchEditor: Editor; signal: AbortSignal },
): Promise<ShotPictureSource | null> {
  try {
    if (!shot.media) return await openSketch(shot, sketchEditor)
    const url = mediaUrl(shot.media.src)
    return shot.media.kind === 'video' ? await openClip(url) : await openImage(url, signal)
  } catch (error) {
    if (signal.aborted) throw error
    throw new UnreadablePictureError(shot, { cause: error })
  }
}

/**
 * {@link openShotPicture}, or null (the placeholder card) when the shot's picture cannot be loaded,
 * the shot then added to `unreadable`, for the export to name at its end.
 */
export async function openShotPictureOrCard(
  shot: PresentationShot,
  options: { mediaUrl(src: string): string; sketchEditor: Editor; signal: AbortSignal },
  unreadable: PresentationShot[],
): Promise<ShotPictureSource | null> {
  try {
    return await openShotPicture(shot, options)
  } catch (error) {
    if (!(error instanceof UnreadablePictureError)) throw error
    unreadable.push(shot)
    return null
  }
}

/** The shot's sketch as tldraw exports it (as Present's ShotSketch), or null when it has none. */
async function openSketch(shot: PresentationShot, sketchEditor: Editor): Promise<ShotPictureSource | null> {
  const sketch = await exportShotSketch(sketchEditor, shot.id, true)
  if (!sketch) return null
  const image = await loadImage(sketch.url)
  const frame = { image, width: sketch.width, height: sketch.height }
  return { kind: 'sketch', moving: false, frame: async () => frame, close() {} }
}

/** A still as a bitmap; an animated image (a generated clip) drawn at the frame for the time, as on Present's stage. */
async function openImage(url: string, signal: AbortSignal): Promise<ShotPictureSource> {
  const animated = await openAnimatedImage(url, signal)
  if (animated) {
    const canvas = document.createElement('canvas')
    canvas.width = animated.width
    canvas.height = animated.height
    return {
      kind: 'media',
      moving: true,
      async frame(offset) {
        await animated.draw(frameAt(animated.timeline, offset), canvas)
        return { image: canvas, width: canvas.width, height: canvas.height }
      },
      close: () => animated.close(),
    }
  }
  const response = await fetch(url, { signal })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const bitmap = await createImageBitmap(await response.blob())
  const frame = { image: bitmap, width: bitmap.width, height: bitmap.height }
  return { kind: 'media', moving: false, frame: async () => frame, close: () => bitmap.close() }
}

/** A video clip, sought to each frame's time (held on its last frame when the shot outlasts it). */
async function openClip(url: string): Promise<ShotPictureSource> {
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.crossOrigin = 'anonymous'
  await new Promise<void>((resolve, reject) => {
    video.addEventListener('loadeddata', () => resolve(), { once: true })
    video.addEventListener('error', () => reject(video.error), { once: true })
    video.src = url
  })
  return {
    kind: 'media',
    moving: true,
    async frame(offset) {
      const t = Math.min(offset, Math.max(video.duration - 0.001, 0))
      if (Math.abs(video.currentTime - t) > 0.0005) {
        const sought = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }))
        video.currentTime = t
        await sought
      }
      return { image: video, width: video.videoWidth, height: video.videoHeight }
    },
    close: () => video.removeAttribute('src'),
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image()
  image.src = url
  return image.decode().then(() => image)
}
