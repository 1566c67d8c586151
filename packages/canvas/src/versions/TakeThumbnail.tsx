import type { CSSProperties } from 'react'
import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import { UnreadablePicture } from './UnreadablePicture'
import { useTakePicture } from './unreadableTakePicture'

/**
 * A take's image or clip in a small frame (a comment's drawing thumbnail), at `src`. Where the
 * file fails, a small mark in its place, never the browser's broken picture: "Take unreadable"
 * when the server refused it (too small a frame for the way to the shot's takes: the tooltip says
 * what to do), "Picture unavailable" when it is missing or the server could not be reached.
 * `eager`: a clip loads whole at once (for printing).
 */
export function TakeThumbnail({ kind, src, style, eager = false }: { kind: ShotMedia['kind']; src: string; style?: CSSProperties | undefined; eager?: boolean }) {
  const picture = useTakePicture(src)
  if (picture.unreadable || picture.failed) return <UnreadablePicture className="take-thumbnail__mark" compact unavailable={picture.failed} />
  return kind === 'video' ? <video src={src} muted preload={eager ? 'auto' : 'metadata'} {...picture.pictureProps(style)} /> : <img src={src} alt="" {...picture.pictureProps(style)} />
}
