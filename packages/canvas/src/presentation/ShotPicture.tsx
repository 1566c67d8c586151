import type { ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type { PresentationShot } from './presentationShots'
import { ShotSketch } from './ShotSketch'
import { pictureFramingCss } from '../storyboard/pictureFraming'
import { UnreadablePicture } from '../versions/UnreadablePicture'
import { useTakePicture } from '../versions/unreadableTakePicture'
import { TakeThumbnail } from '../versions/TakeThumbnail'

type ShotPictureProps = {
  shot: PresentationShot
  mediaUrl(src: string): string
  /** Draws the sketch of a shot that has no image yet (see sketchEditor). */
  sketchEditor: Editor | null
  /** Shown when the shot has neither image nor sketch. */
  fallback: ReactNode
  /** False while it is far off screen: a sketch is not drawn (see ShotSketch). */
  draw?: boolean
  /** Load the image or clip at once, wherever it is on the page (for printing), not when it nears the screen. */
  eager?: boolean
  /** Drawn over a sketch, filling its paper (frame guides); an image's or clip's box is the caller's. */
  overlay?: ReactNode
  /** A comment's small thumbnail: its image or clip a TakeThumbnail (a short mark also when the file is missing or unreachable). */
  thumbnail?: boolean
}

/** What a shot's frame shows: its image or clip (the active take, cropped as the shot is reframed; marked when unreadable), else its sketch, else `fallback`. */
export function ShotPicture({ shot, mediaUrl, sketchEditor, fallback, draw = true, eager = false, overlay, thumbnail = false }: ShotPictureProps) {
  const style = pictureFramingCss(shot.pictureFraming)
  const url = shot.media ? mediaUrl(shot.media.src) : undefined
  const picture = useTakePicture(thumbnail ? undefined : url)
  if (thumbnail && shot.media && url) return <TakeThumbnail kind={shot.media.kind} src={url} style={style} eager={eager} />
  // A take the server refuses (damaged or oversized): a mark, never a broken picture, on screen or in print.
  if (picture.unreadable || picture.failed) return <UnreadablePicture className="shot-picture__unreadable" unavailable={picture.failed} />
  if (shot.media?.kind === 'image') return <img src={url} alt="" loading={eager ? 'eager' : 'lazy'} {...picture.pictureProps(style)} />
  if (shot.media?.kind === 'video') return <video src={url} muted preload={eager ? 'auto' : 'metadata'} {...picture.pictureProps(style)} />
  return <ShotSketch editor={sketchEditor} shotId={shot.id} fallback={fallback} draw={draw} overlay={overlay} />
}
