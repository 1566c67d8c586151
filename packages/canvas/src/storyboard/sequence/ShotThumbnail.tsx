import { memo } from 'react'
import type { Editor } from 'tldraw'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { CAMERA_MOVEMENTS, SHOT_SIZES, aspectRatioValue, entryOf } from '@storyloom/shared/storyboard/vocabulary'
import { ShotSketchPreview } from './ShotSketchPreview'
import { pictureFramingCss } from '../pictureFraming'
import { UnreadablePicture } from '../../versions/UnreadablePicture'
import { useTakePicture } from '../../versions/unreadableTakePicture'

/** Largest frame the thumbnail draws, in CSS pixels (the card's width and the strip's frame row). */
const MAX_W = 116
const MAX_H = 66

/**
 * A shot's thumbnail in the strip: its image when it has one (loaded lazily, decoded off the
 * main thread), else a frame in its aspect ratio with its shot size and camera move, which
 * identifies a shot at a glance and costs nothing to draw, with the sketch drawn in the shot's
 * frame (if any) over it.
 */
export const ShotThumbnail = memo(function ShotThumbnail({
  props,
  editor,
  shotId,
}: {
  props: ShotShapeProps
  editor: Editor
  shotId: string
}) {
  const ratio = aspectRatioValue(props.aspect)
  const width = Math.min(MAX_W, MAX_H * ratio)
  const height = width / ratio
  const { media, camera } = props
  const reframed = pictureFramingCss(props.pictureFraming)
  const picture = useTakePicture(media?.src)
  return (
    <div className="strip-thumb" style={{ width, height }}>
      {picture.unreadable || picture.failed ? (
        <UnreadablePicture className="strip-thumb__media" compact unavailable={picture.failed} />
      ) : media?.kind === 'image' ? (
        <img className="strip-thumb__media" src={media.src} alt="" loading="lazy" decoding="async" draggable={false} {...picture.pictureProps(reframed)} />
      ) : media?.kind === 'video' ? (
        <video className="strip-thumb__media" src={media.src} preload="metadata" muted playsInline {...picture.pictureProps(reframed)} />
      ) : (
        // Drawn as a picture's caption (see .card-aside in sequence.css), not the card's label.
        <span className="strip-thumb__placeholder">
          <span className="strip-thumb__size card-aside" data-text={entryOf(SHOT_SIZES, camera.shotSize).abbr} />
          {camera.movement !== 'static' && (
            <span className="strip-thumb__move card-aside" data-text={entryOf(CAMERA_MOVEMENTS, camera.movement).label} />
          )}
        </span>
      )}
      {!media && <ShotSketchPreview editor={editor} shotId={shotId} />}
    </div>
  )
})
