import type { ReactNode } from 'react'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import { pictureFramingCss } from '../../storyboard/pictureFraming'
import { TakeThumbnail } from '../../versions/TakeThumbnail'

/**
 * A drawn-on shot's frame and picture (its image or clip, marked when it fails to load) for its
 * comments' thumbnails in the Comments list; a sketch is not drawn here (the frame alone), nor a
 * deleted shot's.
 */
export function commentShotFrame(shot: TLShotShape | undefined): { aspect: number; picture?: ReactNode } | undefined {
  if (!shot) return undefined
  const { media, aspect, pictureFraming } = shot.props
  // Cropped as the shot is reframed, as the canvas shows it.
  const style = pictureFramingCss(pictureFraming)
  return { aspect: aspectRatioValue(aspect), ...(media && { picture: <TakeThumbnail kind={media.kind} src={media.src} style={style} /> }) }
}
