import { useEffect, useState } from 'react'
import { chooseVideoFormat, rememberedVideoFormat, rememberVideoFormat, type VideoFormatId } from './videoFormatChoice'
import { encodableFormats, type VideoFrameSpec } from './videoFormats'

/** The export dialog's format: which formats this browser can encode `frame` in (null while it is asked), and the one chosen. */
export interface VideoFormatChoice {
  readonly encodable: ReadonlySet<VideoFormatId> | null
  /** Null while asking, or where the browser encodes none. */
  readonly format: VideoFormatId | null
  /** Chooses `id`, and remembers it for this person's next export. */
  choose(id: VideoFormatId): void
}

/** Asks the browser which formats it can encode `frame` in, then starts on the person's last choice, else MP4, else WebM. */
export function useVideoFormatChoice(frame: VideoFrameSpec): VideoFormatChoice {
  const [encodable, setEncodable] = useState<ReadonlySet<VideoFormatId> | null>(null)
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
    return () => {
      live = false
    }
  }, [width, height, fps])
  const choose = (id: VideoFormatId) => {
    setFormat(id)
    rememberVideoFormat(id)
  }
  return { encodable, format, choose }
}
