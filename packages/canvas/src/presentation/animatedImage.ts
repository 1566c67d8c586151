import { clipTimeline, type ClipTimeline } from './clipTimeline'
import { parseAnimatedWebp } from './webpContainer'

/** An animated image (a generated clip) opened with WebCodecs, to be drawn frame by frame. */
export interface AnimatedImage {
  readonly timeline: ClipTimeline
  readonly width: number
  readonly height: number
  /** Draws frame `index` onto `canvas` (sized to the image). Rejects once {@link close}d. */
  draw(index: number, canvas: HTMLCanvasElement): Promise<void>
  close(): void
}

/**
 * Whether this browser can draw an animated image at a chosen time: WebCodecs' `ImageDecoder`,
 * which exists in Chromium-based browsers and only in secure contexts (HTTPS or localhost).
 */
export function canDecodeAnimatedImages(): boolean {
  return typeof ImageDecoder === 'function'
}

/** Frame durations in seconds, learnt by decoding every frame once (formats other than WebP). */
async function decodedDurations(decoder: ImageDecoder, frameCount: number, signal: AbortSignal): Promise<number[]> {
  const durations: number[] = []
  for (let i = 0; i < frameCount; i++) {
    if (signal.aborted) throw signal.reason
    const { image } = await decoder.decode({ frameIndex: i })
    durations.push((image.duration ?? 0) / 1e6) // microseconds
    image.close()
  }
  return durations
}

/**
 * Fetches `url` and opens it as an animated image, or resolves null when it is a still (one
 * frame), a type the decoder does not take, or cannot be read: the caller then shows it in a
 * plain `<img>`. The frame durations (which differ: the clip encoder merges identical frames) come
 * from the WebP container, or for other formats from decoding each frame once; frames are then
 * decoded only when drawn.
 */
export async function openAnimatedImage(url: string, signal: AbortSignal): Promise<AnimatedImage | null> {
  if (!canDecodeAnimatedImages()) return null
  const response = await fetch(url, { signal })
  if (!response.ok) return null
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
  if (!type.startsWith('image/') || !(await ImageDecoder.isTypeSupported(type))) return null
  const data = new Uint8Array(await response.arrayBuffer())
  const decoder = new ImageDecoder({ data, type })
  try {
    await decoder.tracks.ready
    await decoder.completed
    const track = decoder.tracks.selectedTrack
    if (!track || track.frameCount < 2) {
      decoder.close()
      return null
    }
    const first = (await decoder.decode({ frameIndex: 0 })).image
    const { displayWidth: width, displayHeight: height } = first
    first.close()
    const fromContainer = type === 'image/webp' ? parseAnimatedWebp(data)?.frames.map((f) => f.duration) : undefined
    const durations = fromContainer?.length === track.frameCount ? fromContainer : await decodedDurations(decoder, track.frameCount, signal)
    return {
      timeline: clipTimeline(durations),
      width,
      height,
      async draw(index, canvas) {
        const { image } = await decoder.decode({ frameIndex: index })
        try {
          canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height)
        } finally {
          image.close()
        }
      },
      close: () => decoder.close(),
    }
  } catch (error) {
    decoder.close()
    if (signal.aborted) throw error
    return null // unreadable: the <img> shows what the browser can make of it
  }
}
