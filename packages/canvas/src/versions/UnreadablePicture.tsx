import { createContext, useContext, type ReactNode } from 'react'
import '../styles/versions-unreadable.css'

/**
 * Who looks at the pictures below: the team (who can choose another take or generate again) or a
 * client on a review link (who cannot, and is told no more than that the picture is unavailable).
 */
export const PictureViewerContext = createContext<'team' | 'client'>('team')

/** What each viewer reads where a shot's active take is unreadable. */
export const UNREADABLE_PICTURE_TEXT = {
  team: 'Take unreadable — choose another take or generate again',
  client: 'Picture unavailable',
} as const

/** What everyone reads where a take's file could not be loaded at all (missing, or the server unreachable); a small thumbnail marks it. */
export const UNAVAILABLE_PICTURE_TEXT = 'Picture unavailable — it could not be loaded'

/**
 * Stands in a shot's frame where its active take's file would be, once the server refused it as
 * unreadable (useTakePicture): a clear mark instead of the browser's broken picture. `compact`
 * (a canvas frame, a strip thumbnail) says only "Take unreadable"; its name and tooltip say the
 * rest. `action` goes under the words (the canvas frame's way to the shot's takes). `unavailable`:
 * the file could not be loaded at all (missing, or the server unreachable: calmer, nothing is
 * known to be wrong with the take), in a frame, a strip card, Present or a thumbnail alike.
 */
export function UnreadablePicture({ className, compact = false, unavailable = false, action }: { className: string; compact?: boolean; unavailable?: boolean; action?: ReactNode }) {
  const viewer = useContext(PictureViewerContext)
  const text = unavailable ? UNAVAILABLE_PICTURE_TEXT : UNREADABLE_PICTURE_TEXT[viewer]
  const short = unavailable || viewer === 'client' ? UNREADABLE_PICTURE_TEXT.client : 'Take unreadable'
  return (
    <div
      className={`${className} unreadable-picture`}
      title={compact ? text : undefined}
      data-compact={compact || undefined}
      data-unavailable={unavailable || undefined}
      data-testid="picture-unreadable"
      data-viewer={viewer}
    >
      <span className="unreadable-picture__text" role="img" aria-label={text}>
        {compact ? short : text}
      </span>
      {action}
    </div>
  )
}
