import type { ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type { PresentationShot } from './presentationShots'
import { ShotSketch } from './ShotSketch'
import { pictureFramingCss } from '../storyboard/pictureFraming'

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
}

/** What a shot's frame shows: its image or clip (the active take, cropped as the shot is reframed), else its sketch, else `fallback`. */
export function ShotPicture({ shot, mediaUrl, sketchEditor, fallback, draw = true, eager = false, overlay }: ShotPictureProps) {
  const style = pictureFramingCss(shot.pictureFraming)
  if (shot.media?.kind === 'image') return <img src={mediaUrl(shot.media.src)} alt="" loading={eager ? 'eager' : 'lazy'} style={style} />
  if (shot.media?.kind === 'video') return <video src={mediaUrl(shot.media.src)} muted preload={eager ? 'auto' : 'metadata'} style={style} />
  return <ShotSketch editor={sketchEditor} shotId={shot.id} fallback={fallback} draw={draw} overlay={overlay} />
}
