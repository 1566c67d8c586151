import { canEncodeVideo, Mp4OutputFormat, Quality, WebMOutputFormat, type OutputFormat, type VideoCodec } from 'mediabunny'
import type { VideoFormatId } from './videoFormatChoice'

/** The exported video's frame: its size in pixels and its frame rate (the board's). */
export interface VideoFrameSpec {
  readonly width: number
  readonly height: number
  readonly fps: number
}

/** How a format's video is encoded: mediabunny's codec, and the exact WebCodecs codec string where it is chosen here. */
export interface VideoEncoding {
  readonly codec: VideoCodec
  readonly fullCodecString?: string
}

/** A format Export video makes: its container, and the encodings it can hold, best first. */
export interface VideoFormat {
  readonly id: VideoFormatId
  /** In the dialog: "MP4 (H.264)". */
  readonly label: string
  /** In a sentence: "MP4". */
  readonly name: string
  /** Beside it in the dialog: what it is for. */
  readonly hint: string
  /** Beside it, instead of the hint, where this browser encodes none of its encodings. */
  readonly unsupported: string
  /** The audio codec it carries, by name ("AAC"). */
  readonly audio: string
  /** A new container (each export writes its own). */
  container(): OutputFormat
  encodings(frame: VideoFrameSpec): readonly VideoEncoding[]
}

/** The quality every export is encoded at: a few Mbit/s at 720p, well within H.264 level 3.1's 14. */
export const VIDEO_QUALITY = new Quality('high')

/**
 * H.264 level 3.1's limits (ITU-T H.264, table A-1): macroblocks (16×16 pixels) in a frame, and a
 * second. 1280×720 is 3600 macroblocks, so level 3.1 carries 720p at up to 30 fps, the board's
 * fastest; it is the level phones, QuickTime, PowerPoint, Keynote and review sites all play.
 */
const LEVEL_3_1 = { frameMacroblocks: 3600, macroblocksPerSecond: 108_000 }

/**
 * The H.264 encodings for `frame`, best first: High profile (sharper for its size), then Main, then
 * Constrained Baseline, which every H.264 encoder makes (Firefox's OpenH264 only that), all at
 * level 3.1. A frame level 3.1 cannot carry leaves the level to mediabunny and the encoder.
 */
export function h264Encodings({ width, height, fps }: VideoFrameSpec): readonly VideoEncoding[] {
  const macroblocks = Math.ceil(width / 16) * Math.ceil(height / 16)
  if (macroblocks > LEVEL_3_1.frameMacroblocks || macroblocks * fps > LEVEL_3_1.macroblocksPerSecond) return [{ codec: 'avc' }]
  return ['avc1.64001f', 'avc1.4d001f', 'avc1.42e01f'].map((fullCodecString) => ({ codec: 'avc', fullCodecString }))
}

/** MP4 (H.264): what clients' players and review sites open. */
const MP4: VideoFormat = {
  id: 'mp4',
  label: 'MP4 (H.264)',
  name: 'MP4',
  hint: 'Opens in QuickTime, PowerPoint and Keynote, and on review sites.',
  unsupported: 'This browser can’t encode H.264.',
  audio: 'AAC',
  // Its index ahead of the pictures ("fast start"): a player starts it before the whole file has
  // arrived. Kept in memory to be written first, as the whole file is anyway.
  container: () => new Mp4OutputFormat({ fastStart: 'in-memory' }),
  encodings: h264Encodings,
}

/** WebM (VP9, or VP8 where the browser has no VP9 encoder). */
const WEBM: VideoFormat = {
  id: 'webm',
  label: 'WebM',
  name: 'WebM',
  hint: 'Plays in web browsers; QuickTime and Keynote don’t open it.',
  unsupported: 'This browser can’t encode VP9 or VP8.',
  audio: 'Opus',
  container: () => new WebMOutputFormat(),
  encodings: () => [{ codec: 'vp9' }, { codec: 'vp8' }],
}

/** The formats, in the dialog's order. */
export const VIDEO_FORMATS: readonly VideoFormat[] = [MP4, WEBM]

/** The format with this id. */
export function videoFormat(id: VideoFormatId): VideoFormat {
  return id === 'mp4' ? MP4 : WEBM
}

/** The best of `format`'s encodings this browser can encode `frame` with (WebCodecs asked through mediabunny), or null. */
export async function findEncoding(format: VideoFormat, frame: VideoFrameSpec): Promise<VideoEncoding | null> {
  for (const encoding of format.encodings(frame)) {
    const ok = await canEncodeVideo(encoding.codec, { width: frame.width, height: frame.height, frameRate: frame.fps, quality: VIDEO_QUALITY, fullCodecString: encoding.fullCodecString })
    if (ok) return encoding
  }
  return null
}

/** The formats this browser can encode `frame` in. */
export async function encodableFormats(frame: VideoFrameSpec): Promise<ReadonlySet<VideoFormatId>> {
  const found = await Promise.all(VIDEO_FORMATS.map(async (format) => ((await findEncoding(format, frame)) ? [format.id] : [])))
  return new Set(found.flat())
}

/**
 * What to say beside `id` before an export with sound, where this browser encodes its picture but
 * not its audio (the video would come out silent): which codec it lacks, and the format that keeps
 * the sound when there is one. Null when `id` carries the sound, or cannot be made at all.
 */
export function silentFormatWarning(id: VideoFormatId, encodable: ReadonlySet<VideoFormatId>, silent: ReadonlySet<VideoFormatId>): string | null {
  if (!encodable.has(id) || !silent.has(id)) return null
  const format = videoFormat(id)
  const keeps = VIDEO_FORMATS.find((other) => other.id !== id && encodable.has(other.id) && !silent.has(other.id))
  // "an MP4" (em-pee), "a WebM".
  const article = id === 'mp4' ? 'an' : 'a'
  return `This browser can’t encode ${format.audio} audio, so ${article} ${format.name} made here is silent.${keeps ? ` ${keeps.name} keeps the sound.` : ''}`
}
