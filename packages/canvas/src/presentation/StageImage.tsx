import { useEffect, useMemo, useRef, useState } from 'react'
import { openAnimatedImage, type AnimatedImage } from './animatedImage'
import { stillPictureStyle, type CameraFraming } from './cameraMotion'
import { frameAt } from './clipTimeline'
import type { PictureFraming } from '@storyloom/shared/storyboard/shotShape'
import { UnreadablePicture } from '../versions/UnreadablePicture'
import { useTakePicture } from '../versions/unreadableTakePicture'

type StageImageProps = {
  src: string
  alt: string
  /** Seconds into the shot: an animated image (a generated clip) shows its frame for this time. */
  offset: number
  /** Where the shot's camera moves put a still at the playhead (cameraMotion.ts); a clip carries its own motion. */
  framing?: CameraFraming | null
  /** How the shot's picture is cropped into its frame (Reframe): the base the camera moves start from. */
  pictureFraming?: PictureFraming | null
}

/**
 * A shot's image on the stage. An animated one (a generated clip, an animated WebP) is drawn
 * on a canvas at the frame for the animatic's shot-local time, so it holds while paused,
 * advances with the player, starts over when the shot is entered again and follows the
 * scrubber (with WebCodecs' `ImageDecoder` where the browser has it, else composed from the
 * WebP's frames). Stills, and files neither way can read, get a plain `<img>` (where a clip
 * loops on its own), moved by the shot's camera moves. Render it with `key={src}`: its state belongs to one image.
 */
export function StageImage({ src, alt, offset, framing = null, pictureFraming = null }: StageImageProps) {
  const [clip, setClip] = useState<AnimatedImage | null>(null)
  const picture = useTakePicture(src)
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const abort = new AbortController()
    let opened: AnimatedImage | null = null
    openAnimatedImage(src, abort.signal).then(
      (image) => {
        opened = image
        if (abort.signal.aborted) image?.close()
        else setClip(image)
      },
      () => {}, // aborted or unreachable: the <img> stays
    )
    return () => {
      abort.abort()
      opened?.close()
    }
  }, [src])

  // Draws the wanted frame; one decode at a time, and while one runs only the latest wish counts.
  // The state belongs to the clip, so a late decode of the previous shot's clip changes nothing.
  const painter = useMemo(() => ({ drawn: -1, wanted: 0, busy: false }), [clip])
  useEffect(() => {
    if (!clip) return
    painter.wanted = frameAt(clip.timeline, offset)
    const pump = () => {
      const el = canvas.current
      if (painter.busy || !el || painter.wanted === painter.drawn) return
      const index = painter.wanted
      painter.busy = true
      el.ariaBusy = 'true'
      clip.draw(index, el).then(
        () => {
          painter.busy = false
          painter.drawn = index
          el.dataset.frame = String(index)
          el.ariaBusy = 'false'
          pump()
        },
        () => {
          painter.busy = false // closed: the shot changed, nothing left to draw
        },
      )
    }
    pump()
  }, [clip, painter, offset])

  // A take the server refuses (damaged or oversized): a mark, never a broken picture.
  if (picture.unreadable || picture.failed) return <UnreadablePicture className="presentation-stage__media" unavailable={picture.failed} />
  if (!clip) return <img className="presentation-stage__media" src={src} alt={alt} {...picture.pictureProps(stillPictureStyle(framing, pictureFraming))} />
  // A clip carries its own motion: only reframed.
  return <canvas ref={canvas} className="presentation-stage__media" width={clip.width} height={clip.height} role="img" aria-label={alt} data-src={src} style={stillPictureStyle(null, pictureFraming)} />
}
