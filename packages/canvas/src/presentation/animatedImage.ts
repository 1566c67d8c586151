import { clipTimeline, type ClipTimeline } from './clipTimeline'
import { openComposedWebp } from './composedWebpImage'
import { parseAnimatedWebp } from './webpContainer'

/** An animated image (a generated clip), to be drawn frame by frame. */
export interface AnimatedImage {
  readonly timeline: ClipTimeline
  readonly width: number
  readonly height: number
  /** Draws frame `index` onto `canvas` (sized to the image). Rejects once {@link close}d. */
  draw(index: number, canvas: HTMLCanvasElement): Promise<void>
  close(): void
}

/**
 * Whether this browser has WebCodecs' `ImageDecoder`, which decodes any animated format at a
 * chosen frame. It exists in Chromium-based browsers and only in secure contexts (HTTPS or
 * localhost); elsewhere animated WebPs are composed from their frames ({@link openComposedWebp}).
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
 * Opens `data` with `ImageDecoder`. The frame durations (which differ: the clip encoder merges
 * identical frames) come from the WebP container, or for other formats from decoding each frame
 * once; frames are then decoded only when drawn.
 */
async function openWithDecoder(data: Uint8Array, type: string, signal: AbortSignal): Promise<AnimatedImage | null> {
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

/**
 * Fetches `url` and opens it as an animated image, or resolves null when it is a still (one
 * frame), a type neither way takes, or cannot be read: the caller then shows it in a plain
 * `<img>`. WebCodecs' `ImageDecoder` is used where the browser has it; without it, an animated
 * WebP (what generated clips are) is composed from its frames.
 */
export async function openAnimatedImage(url: string, signal: AbortSignal): Promise<AnimatedImage | null> {
  if (stills.has(url)) return null
  const response = await fetch(url, { signal })
  if (!response.ok) return null
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
  const opened = type.startsWith('image/') ? await openImageData(new Uint8Array(await response.arrayBuffer()), type, signal) : null
  if (!opened) stills.add(url)
  return opened
}

/**
 * Addresses found to hold a still (or a file neither way reads), which are not fetched again: in
 * Chromium a `fetch()` of an address drops the picture already loaded there from the page's
 * image cache, even while an `Image` holds it, so the stage's `<img>` of a preloaded still
 * (usePreloadedMedia) was downloaded again at its cut and showed late. Asset addresses name
 * their content (a hash), so what one holds does not change.
 */
const stills = new Set<string>()

async function openImageData(data: Uint8Array, type: string, signal: AbortSignal): Promise<AnimatedImage | null> {
  if (canDecodeAnimatedImages() && (await ImageDecoder.isTypeSupported(type))) return openWithDecoder(data, type, signal)
  return type === 'image/webp' ? openComposedWebp(data, signal) : null
}
