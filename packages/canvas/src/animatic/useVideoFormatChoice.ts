import { useEffect, useState } from 'react'
import { canEncodeFormatAudio } from './soundtrackTrack'
import { chooseVideoFormat, rememberedVideoFormat, rememberVideoFormat, VIDEO_FORMAT_IDS, type VideoFormatId } from './videoFormatChoice'
import { encodableFormats, type VideoFrameSpec } from './videoFormats'

/** The export dialog's format: which formats this browser can encode `frame` in (null while it is asked), and the one chosen. */
export interface VideoFormatChoice {
  readonly encodable: ReadonlySet<VideoFormatId> | null
  /** The formats whose audio this browser cannot encode: a video with sound made in one is silent (empty while asked). */
  readonly silent: ReadonlySet<VideoFormatId>
  /** Null while asking, or where the browser encodes none. */
  readonly format: VideoFormatId | null
  /** Chooses `id`, and remembers it for this person's next export. */
  choose(id: VideoFormatId): void
}

/** Asks the browser which formats it can encode `frame` in, then starts on the person's last choice, else MP4, else WebM. */
export function useVideoFormatChoice(frame: VideoFrameSpec): VideoFormatChoice {
  const [encodable, setEncodable] = useState<ReadonlySet<VideoFormatId> | null>(null)
  const [silent, setSilent] = useState<ReadonlySet<VideoFormatId>>(new Set())
  const [format, setFormat] = useState<VideoFormatId | null>(null)
  const { width, height, fps } = frame
  useEffect(() => {
    let live = true
    encodableFormats({ width, height, fps })
      .catch((error: unknown) => {
        console.error('could not ask the browser which video formats it encodes', error)
        return new Set<VideoFormatId>()
      })
      .then((found) => {
        if (!live) return
        setEncodable(found)
        setFormat(chooseVideoFormat(found, rememberedVideoFormat()))
      })
    silentFormats()
      .catch((error: unknown) => {
        console.error('could not ask the browser which audio it encodes', error)
        return new Set<VideoFormatId>()
      })
      .then((found) => {
        if (live) setSilent(found)
      })
    return () => {
      live = false
    }
  }, [width, height, fps])
  const choose = (id: VideoFormatId) => {
    setFormat(id)
    rememberVideoFormat(id)
  }
  return { encodable, silent, format, choose }
}

/** The formats whose audio (AAC, Opus) this browser cannot encode. */
async function silentFormats(): Promise<ReadonlySet<VideoFormatId>> {
  const found = await Promise.all(VIDEO_FORMAT_IDS.map(async (id) => ((await canEncodeFormatAudio(id)) ? [] : [id])))
  return new Set(found.flat())
}
