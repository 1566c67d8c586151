import type { CSSProperties, ReactNode } from 'react'
import { markupDescription, type CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import { MarkupStrokes } from './MarkupStrokes'
import '../../styles/markup.css'

type MarkupThumbnailProps = {
  markup: CommentMarkup
  /** The frame's aspect ratio (width / height). */
  aspect: number
  /** The shot's picture under the strokes (its image, clip or sketch); none: an empty frame. */
  picture?: ReactNode
  /** Whether the drawing is pinned over the stage; with `onToggle`, the thumbnail is a button that pins it. */
  pinned?: boolean
  onToggle?(): void
}

/** A comment's drawing over a small picture of its shot; its text alternative says how many strokes ("Drawing: 3 strokes"). */
export function MarkupThumbnail({ markup, aspect, picture, pinned = false, onToggle }: MarkupThumbnailProps) {
  const style = { aspectRatio: aspect } as CSSProperties
  const content = (
    <>
      {picture && <span className="markup-thumbnail__picture">{picture}</span>}
      <MarkupStrokes strokes={markup.strokes} width={2} />
    </>
  )
  const description = markupDescription(markup)
  return onToggle ? (
    <button
      type="button"
      className="markup-thumbnail"
      style={style}
      aria-pressed={pinned}
      aria-label={`${description}. Show it on the picture`}
      title={pinned ? 'Stop showing the drawing on the picture' : 'Keep the drawing on the picture'}
      onClick={onToggle}
    >
      {content}
    </button>
  ) : (
    <span className="markup-thumbnail" style={style} role="img" aria-label={description} data-testid="markup-thumbnail">
      {content}
    </span>
  )
}
